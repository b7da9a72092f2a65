// mimalloc, the allocator `compendium` is linked with on Linux. Linking it is
// what matters: its malloc and free come before the C library's in the
// program's symbol lookup, so every allocation (Swift's, libcmark's, libyaml's)
// goes through it.
#include <mimalloc.h>
