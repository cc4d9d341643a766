// Finds (and on Debian/Ubuntu as root, installs) the system programs the tests drive: Chromium for the
// browser tests, and the standard tools a forensic lab would use on a bundle. Plain JS so it runs first.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'];

/** Debian package for each tool the tests call. */
export const SYSTEM_TOOLS = {
  unzip: 'unzip',
  sha256sum: 'coreutils',
  openssl: 'openssl',
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  qpdf: 'qpdf',
  // The differential tests extract every crafted bundle with what labs use, and re-pack with zip -r.
  zip: 'zip',
  bsdtar: 'libarchive-tools',
  '7z': 'p7zip-full',
  age: 'age',
  'age-keygen': 'age',
  // Python's zipfile is one of the differential extractors; a Python script also drives age's passphrase
  // prompt, which reads only from a terminal (tests/unit/seal/age-tty.py).
  python3: 'python3',
};

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable called `name` on PATH, or null. */
export function which(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return null;
}

/** CHROME_PATH if set, else the usual Chromium and Chrome names on PATH. */
export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv))
      throw new Error(`CHROME_PATH is set to ${fromEnv}, which is not an executable file.`);
    return fromEnv;
  }
  for (const name of CHROMIUM_NAMES) {
    const found = which(name);
    if (found) return found;
  }
  return null;
}

function canAptInstall() {
  return (
    process.platform === 'linux' &&
    process.getuid?.() === 0 &&
    existsSync('/etc/debian_version') &&
    which('apt-get')
  );
}

let aptUpdated = false;
function aptInstall(packages) {
  if (!aptUpdated) {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    aptUpdated = true;
  }
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/**
 * Makes sure Chromium and every tool in SYSTEM_TOOLS is present; installs the missing ones with apt-get
 * where that is possible, and otherwise throws with a message that says exactly what to install.
 */
export function ensureSystemTools() {
  const missingPackages = new Set();
  let chromium = findChromium();
  if (!chromium) missingPackages.add('chromium');
  for (const [tool, pkg] of Object.entries(SYSTEM_TOOLS)) {
    if (!which(tool)) missingPackages.add(pkg);
  }
  if (missingPackages.size > 0) {
    const list = [...missingPackages].join(' ');
    if (!canAptInstall()) {
      throw new Error(
        `The tests need these programs, which are missing: ${list}.\n` +
          `Install them with your package manager (Debian/Ubuntu: sudo apt-get install ${list}), ` +
          'or point CHROME_PATH at a Chromium or Chrome executable.',
      );
    }
    console.log(`Installing missing system packages: ${list}`);
    aptInstall([...missingPackages]);
    chromium = findChromium();
  }
  if (!chromium) throw new Error('Chromium was installed but cannot be found on PATH; set CHROME_PATH.');
  const version = spawnSync(chromium, ['--version'], { encoding: 'utf8' }).stdout.trim();
  return { chromium, chromiumVersion: version };
}
