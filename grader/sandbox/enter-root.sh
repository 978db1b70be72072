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
# (read-only) at /sandbox/submission and a root-only /sandbox/out for the report.
set -eu
SCRATCH=$1
REPO=$2
shift 2
NEWROOT=$SCRATCH/root

mount -t tmpfs -o mode=0755,size=8m ztm-root "$NEWROOT"

for dir in usr bin sbin lib lib32 lib64 libx32 etc; do
  if [ -L "/$dir" ]; then
    ln -s "$(readlink "/$dir")" "$NEWROOT/$dir"
  elif [ -d "/$dir" ]; then
    mkdir "$NEWROOT/$dir"
    mount --bind -o ro "/$dir" "$NEWROOT/$dir"
  fi
done

mkdir "$NEWROOT/proc"
mount -t proc -o nosuid,nodev,noexec,hidepid=2 proc "$NEWROOT/proc"
mkdir "$NEWROOT/dev"
for node in null zero full random urandom; do
  touch "$NEWROOT/dev/$node"
  mount --bind "/dev/$node" "$NEWROOT/dev/$node"
done
mkdir "$NEWROOT/tmp"
mount -t tmpfs -o mode=0755,size=64m,nosuid,nodev ztm-tmp "$NEWROOT/tmp"

# The repository last: it may live under /tmp (a Gradescope test, a scratch clone).
mkdir -p "$NEWROOT$REPO"
mount --bind -o ro "$REPO" "$NEWROOT$REPO"
# node_modules may be a symlink to a shared folder: make its target visible too.
MODULES=$(readlink -f "$REPO/node_modules")
if [ "$MODULES" != "$REPO/node_modules" ]; then
  mkdir -p "$NEWROOT$MODULES"
  mount --bind -o ro "$MODULES" "$NEWROOT$MODULES"
fi
# exercises/ too: the graders only take types from it, and a learner's code searching the disk
# should find no one's files but its own.
for hidden in solutions exercises .git; do
  if [ -d "$REPO/$hidden" ]; then mount -t tmpfs -o ro,mode=0755,size=4k ztm-hidden "$NEWROOT$REPO/$hidden"; fi
done
# grader/: a root-only folder (the learner's user cannot even list it) holding the real entries
# the engine needs, bound back one by one: everything except mutants/ and the project's tests.
mount -t tmpfs -o mode=0700,size=1m ztm-grader "$NEWROOT$REPO/grader"
for entry in "$REPO"/grader/* "$REPO"/grader/.[!.]*; do
  [ -e "$entry" ] || continue
  name=$(basename "$entry")
  case "$name" in mutants | test) continue ;; esac
  if [ -d "$entry" ]; then mkdir "$NEWROOT$REPO/grader/$name"; else touch "$NEWROOT$REPO/grader/$name"; fi
  mount --bind -o ro "$entry" "$NEWROOT$REPO/grader/$name"
done

mkdir -p "$NEWROOT/sandbox/submission" "$NEWROOT/sandbox/out"
mount --bind -o ro "$SCRATCH/submission" "$NEWROOT/sandbox/submission"
mount --bind "$SCRATCH/out" "$NEWROOT/sandbox/out"
chmod 0700 "$NEWROOT/sandbox/out"

cd /
exec chroot "$NEWROOT" "$@"
