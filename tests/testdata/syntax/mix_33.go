package main
var x = 0x1p-2 + 0X_1FFFP-16 + 0o17 + 0b1010 + 1_000_000 + 0.5i + 1e9i + 0x1.8p1i
var y = '\u00e9' + '\U0001F600' + '\377' + '\x41' + '\''
