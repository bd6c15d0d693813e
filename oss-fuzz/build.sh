#!/bin/bash -eu
# projects/httpauth/build.sh in the oss-fuzz repository: the build is the
# repository's own, the one ClusterFuzzLite runs and .ci/fuzzbuild checks.
exec "$SRC/httpauth/.clusterfuzzlite/build.sh"
