// zlib from the system (Debian: zlib1g-dev), for reading .gz graph files.
#include <zlib.h>
