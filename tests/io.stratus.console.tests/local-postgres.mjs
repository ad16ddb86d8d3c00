// A throw-away PostgreSQL for the console tests, as the Java tests start theirs: a new cluster in a
// temporary directory on a free loopback port, SCRAM passwords, TLS with a certificate of a test
// authority made with openssl; as the user postgres (or nobody) when the tests run as root.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const INSTALLATIONS = '/usr/lib/postgresql';

export function startPostgres(port) {
  const versions = fs.existsSync(INSTALLATIONS) ? fs.readdirSync(INSTALLATIONS).filter((v) => /^\d+$/.test(v)) : [];
  if (!versions.length) throw new Error('These tests need a PostgreSQL server: apt-get install postgresql');
  const bin = path.join(INSTALLATIONS, String(Math.max(...versions.map(Number))), 'bin');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stratus-console-postgres-'));
  const asRoot = process.getuid() === 0;
  const owner = asRoot ? ['postgres', 'nobody'].find((name) => run('id', ['-u', name], { check: false }) !== null) : null;
  const as = (command, args) => (owner ? ['runuser', ['-u', owner, '--', command, ...args]] : [command, args]);
  const chown = (file) => owner && run('chown', [owner, file]);

  const password = crypto.randomBytes(12).toString('hex');
  const authority = path.join(root, 'ca.pem');
  const certificate = path.join(root, 'server.pem');
  const key = path.join(root, 'server.key');
  const openssl = (...args) => run('openssl', args);
  openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2',
    '-subj', '/CN=Stratus console test authority', '-keyout', path.join(root, 'ca.key'), '-out', authority);
  openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', '/CN=127.0.0.1',
    '-keyout', key, '-out', path.join(root, 'server.csr'));
  fs.writeFileSync(path.join(root, 'server.ext'), 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  openssl('x509', '-req', '-in', path.join(root, 'server.csr'), '-days', '2', '-CA', authority,
    '-CAkey', path.join(root, 'ca.key'), '-CAcreateserial', '-extfile', path.join(root, 'server.ext'), '-out', certificate);
  fs.chmodSync(key, 0o600);
  const passwordFile = path.join(root, 'password');
  fs.writeFileSync(passwordFile, password);
  for (const file of [root, key, certificate, passwordFile]) chown(file);

  const data = path.join(root, 'data');
  run(...as(path.join(bin, 'initdb'), ['-D', data, '-U', 'stratus', `--pwfile=${passwordFile}`, '--auth=scram-sha-256',
    '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions']));
  run(...as(path.join(bin, 'pg_ctl'), ['-D', data, '-w', '-t', '60', '-l', path.join(root, 'server.log'), '-o',
    `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${root} -c fsync=off -c ssl=on`
    + ` -c ssl_cert_file=${certificate} -c ssl_key_file=${key}`, 'start']));
  const psql = (database, sql) => run(path.join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'stratus',
    '-d', database, '-v', 'ON_ERROR_STOP=1', '-c', sql], { env: { ...process.env, PGPASSWORD: password } });
  return {
    port, user: 'stratus', password, authority, psql,
    /** Lets `user` in over TLS without checking its password: for passwords only AWS could check (Redshift's issued ones). */
    trust(user) {
      const rules = path.join(data, 'pg_hba.conf');
      fs.writeFileSync(rules, `hostssl all "${user}" 127.0.0.1/32 trust\n` + fs.readFileSync(rules, 'utf8'));
      psql('postgres', 'SELECT pg_reload_conf()');
    },
    stop() {
      run(...as(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', 'stop']), { check: false });
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

function run(command, args, { check = true, env } = {}) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env });
  } catch (e) {
    if (!check) return null;
    throw new Error(`${command} ${args.join(' ')} failed:\n${e.stdout}${e.stderr}`);
  }
}
