package b

import _ "example.com/importcycle/a"
