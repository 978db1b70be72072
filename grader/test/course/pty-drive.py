"""Drives a command in a pseudo-terminal, for the course's end-to-end menu test.

No tmux or node-pty is guaranteed on CI, but python3 is: its pty module gives the child a real
terminal (isatty is true, raw mode works), so enquirer's menu runs as it does for a learner.

usage: python3 pty-drive.py SCRIPT.json -- command args...
SCRIPT.json is a list of steps: {"expect": "regex", "timeout": 30} waits until the screen text
(ANSI codes stripped) matches after the previous match; {"send": "text"} types text ("\\u001b[B"
is arrow down, "\\r" is Enter). Prints one JSON object: ok, failed step, exit status, transcript.
"""
import fcntl, json, os, pty, re, select, signal, struct, sys, termios, time

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][AB0-2]|\x1b[=>78]")

def main():
    script = json.load(open(sys.argv[1]))
    command = sys.argv[sys.argv.index("--") + 1:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    raw, seen, result = b"", 0, {"ok": True}

    def read(timeout):
        nonlocal raw
        ready, _, _ = select.select([fd], [], [], timeout)
        if ready:
            try:
                raw += os.read(fd, 65536)
            except OSError:
                return False
        return True

    for index, step in enumerate(script):
        if "send" in step:
            time.sleep(step.get("pause", 0.15))  # let the prompt finish drawing
            os.write(fd, step["send"].encode())
            continue
        deadline = time.time() + step.get("timeout", 30)
        pattern = re.compile(step["expect"])
        while True:
            text = ANSI.sub("", raw.decode("utf8", "replace"))
            match = pattern.search(text, seen)
            if match:
                seen = match.end()
                break
            if time.time() > deadline or not read(0.1):
                result = {"ok": False, "failed": index, "expected": step["expect"]}
                break
        if not result["ok"]:
            break

    status = None
    deadline = time.time() + 15
    while time.time() < deadline:
        done, code = os.waitpid(pid, os.WNOHANG)
        if done:
            status = os.waitstatus_to_exitcode(code)
            break
        read(0.1)
    if status is None:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    result["exit"] = status
    result["transcript"] = ANSI.sub("", raw.decode("utf8", "replace"))
    print(json.dumps(result))

main()
