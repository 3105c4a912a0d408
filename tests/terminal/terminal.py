"""Runs a program with its standard streams on a new pseudo-terminal (the pty module), as in
an interactive shell: what the terminal showed, and the exit code."""
import os
import pty


def on_terminal(argv, env, cwd=None, stdin_path=None):
    """Runs argv with stdout and stderr (and stdin, unless a file is given for it) on a new
    pseudo-terminal; returns what it printed and its exit code."""
    pid, fd = pty.fork()
    if pid == 0:
        if cwd:
            os.chdir(cwd)
        if stdin_path:
            os.dup2(os.open(stdin_path, os.O_RDONLY), 0)
        os.execve(argv[0], argv, env)
    out = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(fd)
    _, status = os.waitpid(pid, 0)
    return out.decode(), os.waitstatus_to_exitcode(status)
