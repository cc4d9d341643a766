import { stderr, stdin } from 'node:process';
import { createInterface } from 'node:readline';

/**
 * Asks for a passphrase on the terminal without echoing it; from a pipe (scripts, tests), reads the first
 * line. The prompt goes to stderr, so stdout stays the report.
 */
export async function readPassphrase(prompt: string): Promise<string> {
  stderr.write(`${prompt} `);
  if (!stdin.isTTY) return firstLine();
  stdin.setRawMode(true);
  stdin.resume();
  let typed = '';
  try {
    return await new Promise<string>((resolve, reject) => {
      const onData = (data: Buffer) => {
        for (const char of data.toString('utf8')) {
          if (char === '\r' || char === '\n') {
            stdin.off('data', onData);
            resolve(typed);
            return;
          }
          if (char === '\u0003') {
            stdin.off('data', onData);
            reject(new Error('interrupted'));
            return;
          }
          typed = char === '\u007f' ? typed.slice(0, -1) : typed + char;
        }
      };
      stdin.on('data', onData);
    });
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    stderr.write('\n');
  }
}

async function firstLine(): Promise<string> {
  const lines = createInterface({ input: stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}
