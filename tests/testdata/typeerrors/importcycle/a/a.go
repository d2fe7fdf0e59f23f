package a

import _ "example.com/importcycle/b"
