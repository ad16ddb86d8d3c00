# Sourced by ./mvnw (POSIX sh) and ./stratus: exports JAVA_HOME pointing at a JDK 21 or newer.
# Order of preference: $JAVA_HOME, the javac on PATH, then the JDKs under /usr/lib/jvm.

stratus_jdk_ok() { # true when $1 is a JDK home of version 21 or newer
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  major=$("$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')
  [ -n "$major" ] && [ "$major" -ge 21 ]
}

stratus_use_jdk21() {
  if [ -n "${JAVA_HOME:-}" ] && stratus_jdk_ok "$JAVA_HOME"; then
    return 0
  fi
  if javac_path=$(command -v javac 2>/dev/null); then
    home=$(dirname "$(dirname "$(readlink -f "$javac_path")")")
    if stratus_jdk_ok "$home"; then
      export JAVA_HOME="$home"
      return 0
    fi
  fi
  # find, not a glob: mvnw runs with globbing off (set -f); newest version first
  for home in $(find /usr/lib/jvm -mindepth 1 -maxdepth 1 -type d 2>/dev/null | sort -rV); do
    if stratus_jdk_ok "$home"; then
      export JAVA_HOME="$home"
      return 0
    fi
  done
  cat >&2 <<'MSG'
Stratus needs a JDK 21 or newer, and none was found (looked at $JAVA_HOME, the javac on PATH
and /usr/lib/jvm/*). Install one, for example Debian's openjdk-21-jdk or Eclipse Temurin 21+,
then put it on PATH or set JAVA_HOME to its folder, and run the command again.
MSG
  return 1
}
