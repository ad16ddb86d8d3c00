// The web console in a real browser: Debian's Chromium, driven by playwright-core, against the
// materialized server product in demo mode (the AWS simulator plays AWS), whose RDS instance
// "orders" is a real PostgreSQL and whose DocumentDB instance "profiles-1" a MongoDB wire-protocol
// server, both started here. Each test saves a screenshot under target/screenshots/ for a person
// to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startPostgres } from './local-postgres.mjs';
import { startMongo } from './local-mongo.mjs';
import {
  DEMO_SEED, JAVA, filesHolding as filesIn, freePort, keys, launchBrowser, newPage as pageOn, required, screenshot,
  signInWithKeyboard, signInWithMethod, startDemoServer, totp,
} from './console-fixture.mjs';

const ORDERS = 5_000;

let server;
let postgres;
let mongo;
let browser;

/**
 * The shipped demo account, but with its RDS instance "orders" played by the local PostgreSQL and
 * its DocumentDB instance "profiles-1" by the local MongoDB wire-protocol server, whose
 * certificate authorities the server is told to trust.
 */
function demoWithLocalDatabases(work) {
  const seed = JSON.parse(fs.readFileSync(DEMO_SEED, 'utf8'));
  const instances = seed.accounts[0].regions.find((r) => r.name === 'eu-west-1').dbInstances;
  Object.assign(instances.find((db) => db.identifier === 'orders'), { address: '127.0.0.1', port: postgres.port, dbName: 'orders' });
  Object.assign(instances.find((db) => db.identifier === 'profiles-1'), { address: '127.0.0.1', port: mongo.port });
  const file = path.join(work, 'seed.json');
  fs.writeFileSync(file, JSON.stringify(seed));
  const authorities = path.join(work, 'authorities.pem');
  fs.writeFileSync(authorities, [postgres.authority, mongo.authority].map((pem) => fs.readFileSync(pem, 'utf8')).join('\n'));
  return ['--demo-seed', file, '--database-authorities', authorities];
}

const newPage = () => pageOn(browser, server.baseUrl);
const filesHolding = (texts) => filesIn(server.data, texts);

/** Ada signs in and opens the explorer's database `name`: its connect form, ready to fill. */
async function connectFormFor(name, engine) {
  const page = await newPage();
  await signInWithKeyboard(page, 'ada');
  await page.getByRole('button', { name: `Open ${name}`, exact: true }).click();
  const form = page.locator('#connect-form');
  await form.getByRole('heading', { name: `Connect to ${name} (${engine})` }).waitFor();
  return { page, form };
}

before(async () => {
  postgres = startPostgres(await freePort());
  postgres.psql('postgres', 'CREATE DATABASE orders');
  postgres.psql('orders', 'CREATE TABLE orders (id bigint PRIMARY KEY, customer text, total numeric(10,2), placed timestamptz);'
    + ` INSERT INTO orders SELECT n, 'customer ' || (n % 97), n * 1.5, timestamptz '2026-01-01 00:00+00' + n * interval '1 hour'`
    + ` FROM generate_series(1, ${ORDERS}) AS n`);
  mongo = await startMongo(JAVA, required('STRATUS_MONGO_CLASSPATH'));
  server = await startDemoServer(demoWithLocalDatabases);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.stop();
  postgres?.stop();
  mongo?.stop();
});

test('the first person sets the instance up and sees the databases with each service status', async () => {
  const page = await newPage();
  await page.getByRole('heading', { name: 'Set up this Stratus instance' }).waitFor();
  await screenshot(page, '01-setup');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'accessKeyId', 'the first field has the focus');
  await signInWithKeyboard(page, 'ada');

  await page.locator('[data-service=RDS] [data-region=eu-west-1]').getByText('orders', { exact: true }).waitFor();
  assert.match(await page.locator('#who').textContent(), /user\/platform\/ada/);
  assert.equal(await page.locator('[data-service=RDS] [data-region=eu-west-1] .status').textContent(), 'ok');
  assert.ok(await page.locator('[data-service=DYNAMODB]').getByText('sessions', { exact: true }).isVisible());
  await screenshot(page, '02-explorer');

  const stored = await page.evaluate(() => ({
    local: localStorage.length, session: sessionStorage.length, cookies: document.cookie,
  }));
  assert.deepEqual(stored, { local: 0, session: 0, cookies: '' }, 'nothing in browser storage, the cookie is HttpOnly');
  assert.equal(await page.locator('input[name=secretAccessKey]').first().inputValue(), '', 'the secret is cleared from the form');
});

test('a person IAM denies RDS sees a named "no permission" and the other services', async () => {
  const page = await newPage();
  await page.getByRole('heading', { name: 'Sign in with your AWS keys' }).waitFor();
  await signInWithKeyboard(page, 'ben');
  const rds = page.locator('[data-service=RDS] [data-region=eu-west-1]');
  await rds.locator('.status').getByText('no permission').waitFor();
  assert.match(await rds.textContent(), /rds:DescribeDBInstances/);
  await page.locator('[data-service=REDSHIFT]').getByText('warehouse', { exact: true }).waitFor();
  assert.ok(await page.getByRole('button', { name: 'Users', exact: true }).isHidden(), 'no administration for a User');
  await screenshot(page, '03-no-permission');
});

test('another account is refused with a message that says why', async () => {
  const page = await newPage();
  await page.getByRole('heading', { name: 'Sign in with your AWS keys' }).waitFor();
  await signInWithKeyboard(page, 'dan');
  const alert = page.locator('#sign-in-form [role=alert]');
  await alert.getByText('another AWS account').waitFor();
  await screenshot(page, '04-other-account');
});

test('the administrator grants a role and creates a custom role', async () => {
  const page = await newPage();
  await signInWithKeyboard(page, 'ada');
  await page.getByRole('button', { name: 'Users', exact: true }).click();
  const ben = page.locator('tr[data-user$="user/ben"]');
  await ben.waitFor();
  await ben.getByLabel('Viewer').check();
  await ben.getByLabel('User').uncheck();
  await ben.getByRole('button', { name: 'Save roles' }).click();
  await ben.getByText('Saved.').waitFor();
  await screenshot(page, '05-users');

  await page.getByRole('button', { name: 'Roles', exact: true }).click();
  const form = page.locator('#role-form');
  await form.getByLabel('Id', { exact: true }).fill('auditor');
  await form.getByLabel('Name', { exact: true }).fill('Auditor');
  await form.getByLabel('read-audit').check();
  await form.getByRole('button', { name: 'Create role' }).click();
  await page.getByRole('cell', { name: 'Auditor', exact: true }).waitFor();
  await screenshot(page, '06-roles');
});

test('a person signs in with an MFA code and sees until when the temporary keys last', async () => {
  const page = await newPage();
  await page.getByRole('heading', { name: 'Sign in with your AWS keys' }).waitFor();
  await signInWithMethod(page, 'ada', { 'MFA code': '000000' === totp(keys.ada.mfa.secret) ? '000001' : '000000' });
  await page.locator('#sign-in-form [role=alert]').getByText('did not accept the MFA code').waitFor();
  assert.equal(await page.locator('#sign-in-form input[name=mfaCode]').inputValue(), '', 'the code is cleared');
  await screenshot(page, '06a-mfa-wrong-code');

  const code = totp(keys.ada.mfa.secret);
  await signInWithMethod(page, 'ada', { 'MFA code': code });
  await page.locator('[data-service=RDS]').waitFor();
  assert.match(await page.locator('#who').textContent(), /user\/platform\/ada/);
  assert.match(await page.locator('#expiry').textContent(), /temporary AWS keys until \d/);
  const session = await page.evaluate(async () => (await fetch('/api/session')).json());
  assert.ok(session.keysExpireAt, 'the session carries the keys\' expiry');
  await screenshot(page, '06b-mfa-signed-in');
  await page.getByRole('button', { name: 'Sign out' }).click();
  assert.deepEqual(filesHolding([keys.ada.secretAccessKey, `"mfaCode":"${code}"`, `TokenCode=${code}`]), [],
    'neither the secret nor the code is in a file of the server');
});

test('a person signs in as a role of the account, and a role of another account is refused', async () => {
  const page = await newPage();
  await page.getByRole('heading', { name: 'Sign in with your AWS keys' }).waitFor();
  await signInWithMethod(page, 'ada', { 'Role ARN': 'arn:aws:iam::444455556666:role/DemoReadOnly' });
  await page.locator('#sign-in-form [role=alert]').getByText('not to the account this Stratus instance is bound to').waitFor();
  await screenshot(page, '06c-role-of-another-account');

  await signInWithMethod(page, 'ada', { 'Role ARN': `arn:aws:iam::${keys.ada.account}:role/DemoReadOnly`,
    'Role session length in minutes (15 to 720; empty: the role\'s default)': '30' });
  await page.locator('[data-service=RDS]').waitFor();
  assert.match(await page.locator('#who').textContent(), /assumed-role\/DemoReadOnly\/ada/);
  assert.match(await page.locator('#expiry').textContent(), /temporary AWS keys until/);
  await screenshot(page, '06d-assumed-role');
  await page.getByRole('button', { name: 'Sign out' }).click();
  assert.deepEqual(filesHolding([keys.ada.secretAccessKey]), [], 'the secret is in no file of the server');
});

test('an ended session says so and offers to sign in again', async () => {
  const page = await newPage();
  await signInWithKeyboard(page, 'ada');
  await page.locator('[data-service=RDS]').waitFor();
  await page.context().clearCookies(); // as when the session expires on the server
  await page.getByRole('button', { name: 'Refresh all' }).click();
  await page.locator('#notice').getByText('Your session has ended').waitFor();
  assert.ok(await page.getByRole('heading', { name: 'Sign in with your AWS keys' }).isVisible());
  await screenshot(page, '07-session-ended');
});

test('a person opens a database, runs a query and scrolls its rows in a virtualized grid', async () => {
  const { page, form } = await connectFormFor('orders', 'postgres');
  assert.match(await page.locator('#connect-help').textContent(), /IAM database authentication/);
  await form.getByLabel('Database user').fill(postgres.user);
  await form.getByLabel('Password', { exact: true }).fill('not-the-password');
  await form.getByRole('button', { name: 'Connect' }).click();
  await form.locator('[role=alert]').getByText('The database refused the login').waitFor();
  assert.equal(await form.getByLabel('Password', { exact: true }).inputValue(), '', 'the password is cleared from the form');
  await form.getByLabel('Password', { exact: true }).fill(postgres.password);
  await form.getByLabel('Save as').fill('Orders for reports');
  await form.getByRole('button', { name: 'Connect' }).click();

  const editor = page.locator('#editor');
  await editor.getByRole('heading', { name: `orders as ${postgres.user}` }).waitFor();
  await page.getByLabel('SQL').fill('SELECT id, customer, total, placed FROM orders ORDER BY id');
  await page.keyboard.press('Control+Enter');
  const grid = page.getByRole('grid');
  await grid.getByRole('columnheader', { name: 'customer' }).waitFor();
  await page.locator('#result-status').getByText('rows loaded; scroll for more').waitFor();
  assert.deepEqual(await grid.locator('.grid-row').first().locator('.grid-cell').allTextContents(),
    ['1', 'customer 1', '1.50', '2026-01-01T01:00Z']);
  const [first, second] = await Promise.all([0, 1].map((i) => grid.locator('.grid-row').nth(i).boundingBox()));
  assert.ok(second.y >= first.y + first.height, 'rows stack one below the other');
  await screenshot(page, '08-query');

  for (let i = 0; i < 40 && !(await page.locator('#result-status').textContent()).startsWith(`${ORDERS.toLocaleString('en')} rows.`); i++) {
    await grid.evaluate((node) => { node.scrollTop = node.scrollHeight; });
    await page.waitForTimeout(100);
  }
  assert.equal(await page.locator('#result-status').textContent(), `${ORDERS.toLocaleString('en')} rows.`);
  const rendered = await grid.locator('.grid-row').count();
  assert.ok(rendered < 100, `only the rows in view are in the page, not all ${ORDERS}: ${rendered}`);
  const lastRow = grid.getByRole('row').filter({ has: page.getByRole('gridcell', { name: String(ORDERS), exact: true }) });
  const [lastBox, gridBox] = await Promise.all([lastRow.boundingBox(), grid.boundingBox()]);
  assert.ok(lastBox.y >= gridBox.y && lastBox.y + lastBox.height <= gridBox.y + gridBox.height + 1,
    'the last row is in view at the end of the grid');
  await screenshot(page, '09-query-scrolled');

  await page.getByLabel('SQL').fill('SELECT nope FROM orders');
  await page.getByRole('button', { name: 'Run' }).click();
  await page.locator('#result-status.error').getByText('nope').waitFor();
  await page.getByRole('button', { name: `Close orders/orders as ${postgres.user}` }).click();
  await page.locator('#editor').waitFor({ state: 'hidden' });

  // The saved connection comes back with everything but the password, which nobody keeps.
  await page.getByRole('button', { name: 'Open saved Orders for reports' }).click();
  assert.equal(await form.getByLabel('Database user').inputValue(), postgres.user);
  assert.equal(await form.getByLabel('Password', { exact: true }).inputValue(), '');
  await form.getByLabel('Password', { exact: true }).fill(postgres.password);
  await form.getByRole('button', { name: 'Connect' }).click();
  await editor.getByRole('heading', { name: `orders/orders as ${postgres.user}` }).waitFor();
  await screenshot(page, '10-saved-connection');
});

test('a person opens a DynamoDB table with their own AWS identity: put, get, scan, query, JSON view, delete, PartiQL', async () => {
  const { page, form } = await connectFormFor('carts', 'dynamodb');
  assert.match(await page.locator('#connect-help').textContent(), /your own AWS identity/);
  assert.ok(await form.getByLabel('Database user').isHidden(), 'no database user to give');
  await form.getByRole('button', { name: 'Connect' }).click();
  await page.locator('#editor').getByRole('heading', { name: 'carts (DynamoDB) with your AWS identity' }).waitFor();

  const dynamo = page.getByRole('form', { name: 'DynamoDB request' });
  const status = page.locator('#result-status');
  for (const [cart, owner] of [['cart-1', 'zoe'], ['cart-2', 'yan']]) {
    await dynamo.getByLabel('Operation').selectOption('PutItem');
    await dynamo.getByLabel('Item (DynamoDB JSON)').fill(JSON.stringify({ cart: { S: cart }, owner: { S: owner }, lines: { N: '3' } }));
    await dynamo.getByRole('button', { name: 'Run' }).click();
    await status.getByText('1 row changed.').waitFor();
    await status.evaluate((node) => { node.textContent = ''; });
  }
  const grid = page.getByRole('grid');
  await dynamo.getByLabel('Operation').selectOption('GetItem');
  await dynamo.getByLabel('Key', { exact: true }).fill('{"cart": {"S": "cart-1"}}');
  await dynamo.getByRole('button', { name: 'Run Get item' }).click();
  await grid.getByRole('gridcell', { name: 'cart-1', exact: true }).waitFor();
  await status.getByText('1 row.').waitFor();

  await dynamo.getByLabel('Operation').selectOption('Scan');
  await dynamo.getByLabel('Filter').fill('#o = :who');
  await dynamo.getByLabel('Names').fill('{"#o": "owner"}');
  await dynamo.getByLabel('Values').fill('{":who": {"S": "zoe"}}');
  await status.evaluate((node) => { node.textContent = ''; }); // so that the count below is the scan's
  await dynamo.getByRole('button', { name: 'Run' }).click();
  await grid.getByRole('columnheader', { name: 'item' }).waitFor();
  await status.getByText('1 row.').waitFor();
  assert.match(await page.getByLabel('Statement (PartiQL or JSON request)').inputValue(), /"FilterExpression": "#o = :who"/,
    'the editor shows the request the form wrote');

  await dynamo.getByLabel('Operation').selectOption('Query');
  await dynamo.getByLabel('Key condition').fill('cart = :c');
  await dynamo.getByLabel('Filter').fill('');
  await dynamo.getByLabel('Names').fill('');
  await dynamo.getByLabel('Values').fill('{":c": {"S": "cart-2"}}');
  await dynamo.getByRole('button', { name: 'Run' }).click();
  const row = grid.locator('.grid-row').first();
  await row.getByRole('gridcell', { name: 'cart-2', exact: true }).waitFor();
  await row.click();
  const json = page.locator('#item-json');
  await json.waitFor();
  assert.deepEqual(JSON.parse(await json.textContent()), { cart: { S: 'cart-2' }, owner: { S: 'yan' }, lines: { N: '3' } });
  await screenshot(page, '11-dynamodb-item');

  await page.getByRole('button', { name: 'Delete item…' }).click();
  assert.equal(await dynamo.getByLabel('Key', { exact: true }).inputValue(), '{"cart":{"S":"cart-2"}}', 'the key comes from the item');
  await dynamo.getByRole('button', { name: 'Run' }).click();
  await status.getByText('1 row changed.').waitFor();

  await dynamo.getByLabel('Operation').selectOption('PartiQL');
  await dynamo.getByRole('button', { name: 'Write statement' }).click();
  const editor = page.getByLabel('Statement (PartiQL or JSON request)');
  assert.equal(await editor.inputValue(), 'SELECT * FROM "carts"');
  await editor.press('End');
  await page.keyboard.type(" WHERE cart IN ['cart-1', 'cart-2']");
  await page.keyboard.press('Control+Enter');
  await grid.getByRole('gridcell', { name: 'cart-1', exact: true }).waitFor();
  await status.getByText('1 row.').waitFor();
  await grid.focus(); // the keyboard way into the JSON view
  await page.keyboard.press('ArrowDown');
  assert.match(await json.textContent(), /"zoe"/);
  await screenshot(page, '12-dynamodb-partiql');
});

test('a person finds documents in a DocumentDB instance with the find view', async () => {
  const { page, form } = await connectFormFor('profiles-1', 'docdb');
  await form.getByLabel('Database user').fill(mongo.user);
  await form.getByLabel('Password', { exact: true }).fill(mongo.password);
  await form.getByLabel('Database', { exact: true }).fill('app');
  await form.getByRole('button', { name: 'Connect' }).click();
  await page.locator('#editor').getByRole('heading', { name: `profiles-1/app as ${mongo.user}` }).waitFor();

  const status = page.locator('#result-status');
  await page.getByLabel('Statement (JSON)').fill(JSON.stringify({ insertMany: 'people', documents: [
    { name: 'Ada', city: 'Oslo', age: 36 }, { name: 'Ben', city: 'Oslo', age: 41 }, { name: 'Cleo', city: 'Rome', age: 29 }] }));
  await page.keyboard.press('Control+Enter');
  await status.getByText('3 rows changed.').waitFor();

  const find = page.getByRole('form', { name: 'Find documents' });
  await find.getByLabel('Collection').fill('people');
  await find.getByLabel('Filter').fill('{"city": "Oslo"}');
  await find.getByLabel('Projection').fill('{"name": 1, "_id": 0}');
  await find.getByRole('button', { name: 'Find' }).click();
  await status.getByText('2 rows.').waitFor();
  const grid = page.getByRole('grid');
  assert.deepEqual((await grid.locator('.grid-row .grid-cell').allTextContents()).map((text) => JSON.parse(text)),
    [{ name: 'Ada' }, { name: 'Ben' }]);
  await grid.locator('.grid-row').nth(1).click();
  assert.deepEqual(JSON.parse(await page.locator('#item-json').textContent()), { name: 'Ben' });
  assert.ok(await page.locator('#item-actions').isHidden(), 'no DynamoDB item actions on a document');
  await screenshot(page, '13-documentdb-find');

  await find.getByLabel('Limit').fill('1');
  await find.getByLabel('Filter').fill('{"age": {"$lt": 40}}');
  await find.getByRole('button', { name: 'Find' }).click();
  await status.getByText('1 row.').waitFor();
  assert.match(await page.getByLabel('Statement (JSON)').inputValue(), /"limit": 1/, 'the editor shows the find statement');
});
