#!/bin/sh
# Builds the filesystem a sandboxed grading run sees, then runs it there. Started by
# grader/sandbox/isolation.ts as root inside fresh mount, network and PID namespaces (unshare), so
# every mount below vanishes with the run and nothing here touches the host's view.
#
#   enter-root.sh SCRATCH REPO COMMAND...
#
# The new root is a tmpfs holding only: the system (/usr, /lib, /etc …) read-only; the repository
# read-only, with solutions/, exercises/, .git/ and grader/mutants/ replaced by empty folders and grader/ itself
# closed to everyone but root (the engine); a private /proc that shows a user only its own
# processes; a few device nodes; an empty /tmp only root can write; the submission's copy
# (read-only) at /sandbox/submission and a root-only /sandbox/out for the report; a root-only
# /sandbox/module-cache for vitest's compiled graders (below).
#
# The mounts are written as two mount tables and applied by one `mount --all` each: a `mount`
# process per mount (about 35 of them, with a mkdir or touch each) cost half a second of CPU per
# grading. Only shell built-ins run between the few commands below.
set -eu
SCRATCH=$1
REPO=$2
shift 2
NEWROOT=$SCRATCH/root
TAB=$(printf '\t')
NL='
'
case "$SCRATCH$REPO" in *"$NL"*) echo "enter-root.sh: a path with a line break" >&2; exit 1 ;; esac

# A path as a mount table field, in $field (no command substitution: each would fork a shell):
# libmount reads \040 as a space, \011 a tab, \134 a backslash.
escape() {
  rest=$1 field=
  while [ -n "$rest" ]; do
    plain=${rest%%[\\ $TAB]*}
    field=$field$plain
    rest=${rest#"$plain"}
    case $rest in
      \\*) field="$field\\134" ;;
      " "*) field="$field\\040" ;;
      "$TAB"*) field="$field\\011" ;;
    esac
    rest=${rest#?}
  done
}
# One line of a mount table: SOURCE TARGET TYPE OPTIONS. Folders are made as needed.
line() {
  escape "$1"
  source=$field
  escape "$2"
  printf '%s %s %s %s 0 0\n' "$source" "$field" "$3" "$4"
}
robind() { line "$1" "$2" none "bind,ro,X-mount.mkdir"; }

mount -t tmpfs -o mode=0755,size=8m ztm-root "$NEWROOT"
# Device nodes are bound onto empty files, made before the tables run.
mkdir "$NEWROOT/dev"
touch "$NEWROOT/dev/null" "$NEWROOT/dev/zero" "$NEWROOT/dev/full" "$NEWROOT/dev/random" "$NEWROOT/dev/urandom"
# node_modules may be a symlink to a shared folder: its target must be visible too.
MODULES=$REPO/node_modules
if [ -L "$MODULES" ]; then MODULES=$(readlink -f "$MODULES"); fi
CACHE=$MODULES/.experimental-vitest-cache

links=
{
  for dir in usr bin sbin lib lib32 lib64 libx32 etc; do
    if [ -L "/$dir" ]; then
      links="$links /$dir"
    elif [ -d "/$dir" ]; then
      robind "/$dir" "$NEWROOT/$dir"
    fi
  done
  line proc "$NEWROOT/proc" proc "nosuid,nodev,noexec,hidepid=2,X-mount.mkdir"
  for node in null zero full random urandom; do line "/dev/$node" "$NEWROOT/dev/$node" none bind; done
  line ztm-tmp "$NEWROOT/tmp" tmpfs "mode=0755,size=64m,nosuid,nodev,X-mount.mkdir"
  # The repository after /tmp: it may live under /tmp (a Gradescope test, a scratch clone).
  robind "$REPO" "$NEWROOT$REPO"
  if [ "$MODULES" != "$REPO/node_modules" ]; then robind "$MODULES" "$NEWROOT$MODULES"; fi
  # exercises/ too: the graders only take types from it, and a learner's code searching the disk
  # should find no one's files but its own.
  for hidden in solutions exercises .git; do
    if [ -d "$REPO/$hidden" ]; then line ztm-hidden "$NEWROOT$REPO/$hidden" tmpfs "ro,mode=0755,size=4k"; fi
  done
  # vitest's shared module cache holds compiled mutants (near-solutions) too: hidden here, and
  # seen by the engine only through /sandbox/module-cache.
  if [ -d "$CACHE" ]; then line ztm-hidden "$NEWROOT$CACHE" tmpfs "ro,mode=0755,size=4k"; fi
  # Outside the new root: what this run adds to the module cache (vanishes with the namespace).
  line ztm-cache "$SCRATCH/cache" tmpfs "mode=0700,size=64m,X-mount.mkdir=0700"
  # grader/: a root-only folder (the learner's user cannot even list it) holding the real
  # entries the engine needs, bound back one by one (second table).
  line ztm-grader "$NEWROOT$REPO/grader" tmpfs "mode=0700,size=1m"
} >"$SCRATCH/mounts-1"

files=
{
  for entry in "$REPO"/grader/* "$REPO"/grader/.[!.]*; do
    [ -e "$entry" ] || continue
    name=${entry##*/}
    case "$name" in mutants | test) continue ;; esac
    # A file is bound onto an empty file (touched below); a folder's mount point is made by mount.
    if [ ! -d "$entry" ]; then files="$files$NL$NEWROOT$REPO/grader/$name"; fi
    robind "$entry" "$NEWROOT$REPO/grader/$name"
  done
  robind "$SCRATCH/submission" "$NEWROOT/sandbox/submission"
  line "$SCRATCH/out" "$NEWROOT/sandbox/out" none "bind,X-mount.mkdir"
} >"$SCRATCH/mounts-2"

# The system's symbolic links (/bin -> usr/bin on a merged /usr) copied as links.
# shellcheck disable=SC2086
[ -z "$links" ] || cp -P $links "$NEWROOT/"
mount --all --no-canonicalize --fstab "$SCRATCH/mounts-1"
# The files' names, one a line: split on line breaks only, no globbing.
set -f
IFS=$NL
# shellcheck disable=SC2086
[ -z "$files" ] || touch $files
unset IFS
set +f
mount --all --no-canonicalize --fstab "$SCRATCH/mounts-2"
chmod 0700 "$NEWROOT/sandbox/out"

# vitest's module cache (engine/run-vitest.ts): the shared one read-only, under an overlay whose
# writable layer is the tmpfs above, so that the engine (root) reads what earlier runs compiled,
# and what it compiles now is gone with the run: no submission's run can leave anything for
# another's. Root-only (0700), like grader/. Without an overlay (or with a path overlayfs cannot
# take), a cache of this run only.
mkdir -m 0700 "$SCRATCH/cache/upper" "$SCRATCH/cache/work" "$SCRATCH/cache/empty" "$NEWROOT/sandbox/module-cache"
lower=$CACHE
[ -d "$lower" ] || lower=$SCRATCH/cache/empty
case "$lower$SCRATCH" in
  *[,:\\]*) mount --bind "$SCRATCH/cache/upper" "$NEWROOT/sandbox/module-cache" ;;
  *) mount -t overlay -o "lowerdir=$lower,upperdir=$SCRATCH/cache/upper,workdir=$SCRATCH/cache/work" ztm-cache "$NEWROOT/sandbox/module-cache" 2>/dev/null ||
    mount --bind "$SCRATCH/cache/upper" "$NEWROOT/sandbox/module-cache" ;;
esac

cd /
exec chroot "$NEWROOT" "$@"
