// libedit, found through pkg-config (Debian: libedit-dev).
#include <stdio.h>
#include <histedit.h>
