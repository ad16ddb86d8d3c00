// DocumentDB for the console tests, as the Java tests have it: io.stratus.testing.MongoWireServer
// (mongo-java-server with TLS from the Java tests' authority and a SCRAM login), run outside OSGi
// on the class path Maven builds for this module. It serves until its standard input closes.
import { spawn } from 'node:child_process';

export async function startMongo(java, classpath) {
  const child = spawn(java, ['-cp', classpath, 'io.stratus.testing.MongoWireServer'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk) => { errors += chunk; });
  const line = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('\n')) resolve(output.slice(0, output.indexOf('\n')));
    });
    child.on('exit', (code) => reject(new Error(`MongoWireServer ended (${code}) before it served:\n${errors}`)));
  });
  return { ...JSON.parse(line), stop: () => child.stdin.end() };
}
