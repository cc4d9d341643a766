# Runs a command on a pseudo-terminal and answers each passphrase prompt, as a person would: the `age`
# tool reads passphrases only from a terminal. Usage: age-tty.py <prompts> <passphrase> <command...>
import os
import pty
import sys

prompts, passphrase, command = int(sys.argv[1]), sys.argv[2].encode(), sys.argv[3:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(command[0], command)
seen = b''
answered = 0
while True:
    try:
        data = os.read(fd, 1024)
    except OSError:
        break
    if not data:
        break
    seen += data
    if answered < prompts and seen.count(b'assphrase') > answered:
        os.write(fd, passphrase + b'\r')
        answered += 1
_, status = os.waitpid(pid, 0)
sys.stderr.write(seen.decode(errors='replace'))
sys.exit(os.waitstatus_to_exitcode(status))
