// The C library's file-system queries that Glibc's Swift module leaves out: fstatfs (which file
// system a file lies on), for the ledger of checked snapshot images. On macOS the Darwin module
// has them already.
#if __has_include(<sys/vfs.h>)
#include <sys/vfs.h>
#endif
