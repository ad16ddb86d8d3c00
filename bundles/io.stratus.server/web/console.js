// Stratus web console: plain DOM, no framework, nothing from other origins. The session lives in
// an HttpOnly cookie; nothing is kept in browser storage, and the keys typed in are sent once and
// then cleared from the form.
'use strict';

const OUTCOMES = { OK: 'ok', ACCESS_DENIED: 'no permission', FAILED: 'failed', TIMED_OUT: 'timed out' };
const $ = (selector) => document.querySelector(selector);
/** Engines with views of their own: DocumentDB takes JSON statements, DynamoDB PartiQL or JSON requests, the others SQL. */
const DOCUMENTS = 'docdb';
const DYNAMODB = 'dynamodb';

let me = null;
/** What the person signed in with that is not secret (key id, MFA serial, role), to fill in a re-authentication. */
let signedInWith = null;
/** The server's engines by id (GET /api/engines): which ones its connectors open, and their defaults. */
let engines = new Map();

class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function api(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  if (method !== 'GET') {
    headers['X-Stratus-Request'] = '1';
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = response.status === 204 ? null : await response.json();
  if (!response.ok) {
    const error = (data && data.error) || { code: 'unknown', message: `HTTP ${response.status}` };
    if (response.status === 401 && me) {
      if (error.code === 'keys_expired') keysExpired(error.message); // the session lives: re-authenticate into it
      else sessionEnded();
    }
    throw new ApiError(response.status, error.code, error.message);
  }
  return data;
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'text') node.textContent = value;
    else if (name === 'style') Object.assign(node.style, value); // CSSOM: the CSP forbids style attributes
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (value !== false && value !== undefined) node.setAttribute(name, value === true ? '' : value);
  }
  children.flat().forEach((child) => node.append(child));
  return node;
}

function show(view) {
  for (const id of ['setup-view', 'sign-in-view', 'app-view']) {
    $('#' + id).hidden = id !== view;
  }
  const first = $('#' + view).querySelector('input, button');
  if (first) first.focus();
}

function notice(text) {
  $('#notice').textContent = text;
  $('#notice').hidden = !text;
}

// --- setup and sign-in ----------------------------------------------------------------------

/**
 * Fills {@code form} with the fields of a sign-in (keys, MFA, role) that send to {@code path}; once the server
 * answers with the session, {@code done} shows it.
 */
function keysForm(form, label, path, done = enterApp) {
  const error = el('p', { class: 'error', role: 'alert' });
  form.replaceChildren(
    el('label', {}, 'Access key ID', el('input', { name: 'accessKeyId', required: true, spellcheck: 'false' })),
    el('label', {}, 'Secret access key', el('input', { name: 'secretAccessKey', type: 'password', required: true })),
    el('label', {}, 'Session token (temporary keys only)', el('input', { name: 'sessionToken', type: 'password' })),
    el('details', { class: 'sign-in-methods' },
      el('summary', { text: 'MFA code, or a role to assume' }),
      el('p', { class: 'muted', text: 'With an MFA code, AWS STS gives you temporary keys that carry the MFA, and your '
        + 'own keys are used for that call only. With a role, you are signed in as that role of this instance\'s AWS account.' }),
      el('label', {}, 'MFA code', el('input', { name: 'mfaCode', type: 'password', inputmode: 'numeric',
        autocomplete: 'one-time-code', maxlength: '7' })),
      el('label', {}, 'MFA device serial (empty: Stratus asks IAM for your device)',
        el('input', { name: 'mfaSerial', spellcheck: 'false', placeholder: 'arn:aws:iam::123456789012:mfa/name' })),
      el('label', {}, 'Role ARN', el('input', { name: 'roleArn', spellcheck: 'false',
        placeholder: 'arn:aws:iam::123456789012:role/name' })),
      el('label', {}, 'External ID (if the role asks for one)', el('input', { name: 'externalId', spellcheck: 'false' })),
      el('label', {}, 'Role session length in minutes (15 to 720; empty: the role\'s default)',
        el('input', { name: 'durationMinutes', type: 'number', min: '15', max: '720' }))),
    el('button', { type: 'submit', text: label }),
    error);
  form.onsubmit = async (event) => {
    event.preventDefault();
    const fields = form.elements;
    const keys = { accessKeyId: fields.accessKeyId.value, secretAccessKey: fields.secretAccessKey.value };
    if (fields.sessionToken.value) keys.sessionToken = fields.sessionToken.value;
    const code = fields.mfaCode.value.replace(/\s/g, ''); // authenticator apps show "123 456"
    if (code) keys.mfaCode = code;
    for (const name of ['mfaSerial', 'roleArn', 'externalId']) {
      if (fields[name].value.trim()) keys[name] = fields[name].value.trim();
    }
    if (fields.durationMinutes.value) keys.durationSeconds = Number(fields.durationMinutes.value) * 60;
    fields.secretAccessKey.value = '';
    fields.sessionToken.value = '';
    fields.mfaCode.value = ''; // a code works once
    error.textContent = '';
    try {
      me = await api('POST', path, keys);
      signedInWith = { accessKeyId: keys.accessKeyId.trim(), mfa: Boolean(code), durationMinutes: fields.durationMinutes.value,
        ...Object.fromEntries(['mfaSerial', 'roleArn', 'externalId'].map((name) => [name, keys[name] ?? ''])) };
      notice('');
      done();
    } catch (e) {
      error.textContent = e.message;
      fields.secretAccessKey.focus({ preventScroll: true });
      error.scrollIntoView({ block: 'nearest' }); // below the button, maybe out of a dialog's view
    }
  };
}

/**
 * Signing in (or setting up) through IAM Identity Center: start at the access portal, show the code
 * and the link to approve it at (a new tab), poll at the interval the server says, then let the
 * person choose a role and sign in. The server holds the sign-in in progress for this browser (an
 * HttpOnly cookie); the console never sees a token. {@code mode} is 'setup', 'sign-in' or 'renew':
 * re-authenticating a session of Identity Center at its own portal, whose approval puts the same
 * role's new keys into the session (no role to choose). Returns what restarts the panel and what ends
 * a sign-in it waits for.
 */
function identityCenterPanel(panel, mode) {
  const setUp = mode === 'setup';
  let timer;
  const error = el('p', { class: 'error', role: 'alert' });
  const status = el('p', { class: 'sso-status', role: 'status' });
  const stop = () => clearTimeout(timer);
  const startForm = () => {
    stop();
    if (mode === 'renew') {
      renewForm();
      return;
    }
    const form = el('form', { class: 'sso-start-form' },
      el('label', {}, 'AWS access portal start URL', el('input', { name: 'startUrl', type: 'url', required: true,
        spellcheck: 'false', placeholder: 'https://d-1234567890.awsapps.com/start' })),
      el('label', {}, 'IAM Identity Center region', el('input', { name: 'region', required: true, spellcheck: 'false',
        placeholder: 'us-east-1' })),
      el('button', { type: 'submit', class: 'sso-start', text: 'Continue' }));
    api('GET', '/api/sso/portal').then((portal) => {
      if (portal.startUrl && !form.elements.startUrl.value) {
        form.elements.startUrl.value = portal.startUrl;
        form.elements.region.value = portal.region;
      }
    }).catch(() => {});
    form.onsubmit = async (event) => {
      event.preventDefault();
      error.textContent = '';
      try {
        const started = await api('POST', '/api/sso', { startUrl: form.elements.startUrl.value.trim(),
          region: form.elements.region.value.trim() });
        waiting(started);
      } catch (e) {
        error.textContent = e.message;
      }
    };
    panel.replaceChildren(el('h2', { text: setUp ? 'Set up with IAM Identity Center' : 'Sign in with IAM Identity Center' }),
      el('p', { class: 'muted', text: 'Approve Stratus in your AWS access portal, then choose a role'
        + (setUp ? ': the instance is bound to its account.' : ' of this instance\'s AWS account.') }),
      form, error);
  };
  const renewForm = () => {
    const through = me.identityCenter;
    const form = el('form', { class: 'sso-start-form' },
      el('button', { type: 'submit', class: 'sso-start', text: 'Approve in IAM Identity Center' }));
    form.onsubmit = async (event) => {
      event.preventDefault();
      error.textContent = '';
      try {
        waiting(await api('POST', '/api/sso', { startUrl: through.startUrl, region: through.region }));
      } catch (e) {
        error.textContent = e.message;
      }
    };
    panel.replaceChildren(el('p', {}, 'You signed in through IAM Identity Center as the role ',
      el('strong', { text: through.roleName }), ` of account ${through.accountId}. Approve a new sign-in at your AWS `
        + `access portal (${through.startUrl}) as the same person: the role's new keys go into your session. `
        + 'Somebody else\'s approval is refused.'), form, error);
  };
  const renew = async () => {
    me = await api('POST', '/api/sso/renew', {});
    startForm();
    renewed();
  };
  const cancelButton = () => el('button', { type: 'button', class: 'sso-cancel', text: 'Cancel', onclick: async () => {
    await api('DELETE', '/api/sso').catch(() => {});
    startForm();
  } });
  const waiting = (started) => {
    status.textContent = 'Waiting for you to approve this code in the AWS access portal…';
    panel.replaceChildren(el('h2', { text: 'Approve Stratus in your AWS access portal' }),
      el('p', {}, 'Check that the portal shows this code:'),
      el('p', { class: 'sso-code', text: started.userCode }),
      el('p', {}, el('a', { class: 'sso-link', href: started.verificationUriComplete, target: '_blank',
        rel: 'noopener noreferrer', text: 'Open the approval page' }), ` (${started.verificationUri})`),
      status, el('div', { class: 'sso-actions' }, cancelButton()), error);
    poll(started.intervalSeconds);
  };
  const poll = (seconds) => {
    stop();
    timer = setTimeout(async () => {
      try {
        const progress = await api('GET', '/api/sso');
        if (progress.state === 'approved') {
          await (mode === 'renew' ? renew() : chooseRole());
        } else if (progress.state === 'pending') {
          poll(progress.intervalSeconds);
        } else {
          startForm();
          error.textContent = progress.message;
        }
      } catch (e) {
        startForm();
        error.textContent = e.message;
      }
    }, seconds * 1000);
  };
  const chooseRole = async () => {
    const { roles } = await api('GET', '/api/sso/roles');
    if (roles.length === 0) {
      startForm();
      error.textContent = 'IAM Identity Center gives you no role ' + (setUp ? 'in any account.'
        : 'in the AWS account this instance is bound to.') + ' Ask your AWS administrator for one.';
      return;
    }
    const select = el('select', { name: 'role', class: 'sso-roles' }, roles.map((role, i) => el('option',
      { value: String(i), text: `${role.roleName} · ${role.accountName} (${role.accountId})` })));
    const form = el('form', {}, el('label', {}, 'Role', select),
      el('div', { class: 'sso-actions' }, el('button', { type: 'submit', class: 'sso-sign-in',
        text: setUp ? 'Set up and sign in' : 'Sign in' }), cancelButton()));
    form.onsubmit = async (event) => {
      event.preventDefault();
      error.textContent = '';
      const role = roles[Number(select.value)];
      try {
        me = await api('POST', setUp ? '/api/sso/setup' : '/api/sso/session',
          { accountId: role.accountId, roleName: role.roleName });
        notice('');
        startForm();
        enterApp();
      } catch (e) {
        error.textContent = e.message;
      }
    };
    panel.replaceChildren(el('h2', { text: 'Approved: choose a role' }), form, error);
  };
  if (mode !== 'renew') startForm();
  return {
    restart: startForm,
    end: () => {
      if (!panel.querySelector('.sso-code')) return;
      stop();
      api('DELETE', '/api/sso').catch(() => {});
    },
  };
}

/** Ends the console's view of the session; {@code why} says what happened. */
function sessionEnded(why = 'Your session has ended. Sign in again to go on.') {
  me = null;
  signedInWith = null;
  if ($('#reauth-dialog').open) $('#reauth-dialog').close();
  clearTimeout(expiryTimer);
  $('#who').textContent = '';
  $('#expiry').textContent = '';
  $('#sign-out').hidden = true;
  notice(why);
  show('sign-in-view');
}

/**
 * The header says until when the session's AWS keys (where their expiry is known) or the session itself last,
 * and warns from the server's keysWarnAt on, with a button to re-authenticate early. When the keys expire, the
 * session lives on: the console asks the server and opens the re-authentication dialog over the page.
 */
let expiryTimer;
function showExpiry() {
  clearTimeout(expiryTimer);
  const keys = me.keysExpireAt ? new Date(me.keysExpireAt) : null;
  const warnFrom = me.keysWarnAt ? new Date(me.keysWarnAt) : null;
  const ends = new Date(me.expiresAt);
  const now = Date.now();
  const warning = me.keysExpired || (warnFrom !== null && now >= warnFrom.getTime());
  const time = (at) => at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const expiry = $('#expiry');
  expiry.textContent = me.keysExpired ? 'AWS keys expired'
    : keys ? `temporary AWS keys until ${time(keys)}${warning ? ', expiring soon' : ''}` : `session until ${time(ends)}`;
  expiry.title = keys ? `Your AWS keys expire at ${keys.toISOString()}: then re-authenticate, and your work stays. `
    + `The session ends at ${ends.toISOString()} at the latest.` : `Your session ends at ${ends.toISOString()} at the latest.`;
  expiry.classList.toggle('warning', warning);
  $('#renew-keys').hidden = !warning;
  const next = [warnFrom, keys, ends].map((at) => at?.getTime()).filter((at) => at > now);
  if (!next.length) return;
  const wait = Math.min(Math.min(...next) - now + 1000, 2 ** 31 - 1);
  expiryTimer = setTimeout(async () => {
    try {
      me = await api('GET', '/api/session');
    } catch (e) {
      return; // api() has said what happened
    }
    showExpiry();
    if (me.keysExpired) {
      keysExpired(me.keysLapse === 'keys-rejected' ? 'AWS no longer accepts the keys of your session.'
        : `Your temporary AWS keys expired at ${time(keys)}.`);
    }
  }, wait);
}

/** The re-authentication dialog, over the page: new keys go into the same session, and the page stays as it is. */
function keysExpired(why) {
  const dialog = $('#reauth-dialog');
  $('#reauth-why').textContent = why;
  if (me && !me.keysExpired) {
    me.keysExpired = true;
    showExpiry();
  }
  if (dialog.open) return;
  openReauth();
}

/** The re-authentication dialog's IAM Identity Center panel, for a session signed in that way. */
let identityCenterRenewal;

function openReauth() {
  const dialog = $('#reauth-dialog');
  const form = $('#reauth-form');
  const throughIdentityCenter = Boolean(me.identityCenter);
  form.hidden = throughIdentityCenter;
  $('#reauth-sso').hidden = !throughIdentityCenter;
  $('#reauth-how').textContent = throughIdentityCenter ? 'approve a new sign-in as' : 'give new keys (a new MFA code, '
    + 'or the role again) of';
  $('#reauth-others').hidden = throughIdentityCenter;
  if (throughIdentityCenter) {
    $('#reauth-who').textContent = me.arn;
    identityCenterRenewal.restart();
    dialog.showModal();
    $('#reauth-sso .sso-start').focus();
    return;
  }
  const fields = form.elements;
  const known = signedInWith ?? {};
  for (const name of ['accessKeyId', 'mfaSerial', 'roleArn', 'externalId', 'durationMinutes']) {
    fields[name].value = known[name] ?? '';
  }
  form.querySelector('details').open = Boolean(known.mfa || known.roleArn);
  form.querySelector('[role=alert]').textContent = '';
  $('#reauth-who').textContent = me.arn;
  dialog.showModal();
  (known.accessKeyId ? fields.secretAccessKey : fields.accessKeyId).focus();
}

function renewed() {
  $('#reauth-dialog').close();
  showExpiry();
  notice('New AWS keys are in your session: carry on where you were.');
}

$('#renew-keys').addEventListener('click', () => {
  $('#reauth-why').textContent = me.keysExpired ? 'Your AWS keys expired.' : 'Your AWS keys expire soon.';
  openReauth();
});
$('#reauth-sign-out').addEventListener('click', async () => {
  await api('DELETE', '/api/session').catch(() => {});
  sessionEnded('You are signed out.');
});

$('#sign-out').addEventListener('click', async () => {
  await api('DELETE', '/api/session').catch(() => {});
  sessionEnded('You are signed out.');
});

// --- the signed-in application ----------------------------------------------------------------

function enterApp() {
  const account = me.accountAlias ? `${me.accountAlias} (${me.accountId})` : me.accountId;
  $('#who').textContent = `${me.arn} · account ${account} · ${me.roles.join(', ')}`;
  showExpiry();
  $('#sign-out').hidden = false;
  // The server's table decides: a tab shows when the person may do its action (me.actions).
  for (const button of document.querySelectorAll('nav button')) {
    button.hidden = button.dataset.action !== undefined && !me.actions.includes(button.dataset.action);
  }
  show('app-view');
  openTab('explorer');
}

document.querySelectorAll('nav button').forEach((button) =>
  button.addEventListener('click', () => openTab(button.dataset.tab)));

function openTab(tab) {
  for (const button of document.querySelectorAll('nav button')) {
    button.setAttribute('aria-pressed', String(button.dataset.tab === tab));
  }
  for (const section of document.querySelectorAll('.tab')) {
    section.hidden = section.id !== tab + '-tab';
  }
  ({ explorer: loadTree, query: loadOpenDatabases, users: loadUsers, roles: loadRoles, audit: loadAudit })[tab]();
}

// --- explorer -------------------------------------------------------------------------------

async function loadTree(refresh = false) {
  const tree = $('#tree');
  tree.setAttribute('aria-busy', 'true');
  const text = $('#filter-text').value.trim();
  const query = text ? '?text=' + encodeURIComponent(text) : '';
  try {
    const [data, engineList] = await Promise.all([
      refresh ? api('POST', '/api/explorer/refresh' + query, {}) : api('GET', '/api/explorer' + query),
      api('GET', '/api/engines')]);
    engines = new Map(engineList.engines.map((engine) => [engine.id, engine]));
    tree.replaceChildren(...data.services.map(serviceNode));
  } catch (e) {
    if (e.status !== 401) tree.replaceChildren(el('p', { class: 'error', role: 'alert', text: e.message }));
  } finally {
    tree.setAttribute('aria-busy', 'false');
  }
}

function serviceNode(service) {
  const found = service.regions.reduce((n, region) => n + region.resources.length, 0);
  return el('section', { class: 'service', 'data-service': service.service },
    el('h2', { text: `${service.name} (${found})` }),
    service.regions.map((region) => el('div', { class: 'region', 'data-region': region.region },
      el('h3', {}, region.region,
        el('span', { class: 'status ' + region.status.outcome, text: OUTCOMES[region.status.outcome] })),
      region.status.detail ? el('p', { class: 'muted', text: region.status.detail }) : [],
      region.resources.length || region.status.outcome !== 'OK' ? []
        : el('p', { class: 'muted', text: 'No databases here.' }),
      el('ul', { class: 'resources' }, region.resources.map(resourceNode)))));
}

function resourceNode(resource) {
  const where = resource.endpoint ? `${resource.endpoint.host}:${resource.endpoint.port}` : 'no endpoint yet';
  const facts = [resource.kind, `${resource.engine} ${resource.engineVersion}`.trim(), resource.status, where];
  const engine = engines.get(resource.engine);
  // As the server decides: an engine no bundle describes keeps what AWS says.
  const takesIam = engine?.defaults.logins.some((login) => login.id === 'iamToken') ?? true;
  if (resource.iamAuthentication && takesIam) facts.push('IAM database authentication');
  const openable = resource.endpoint && engine?.openable && me.actions.includes('open-database');
  return el('li', {},
    el('strong', { text: resource.name }), ' ', el('span', { class: 'muted', text: facts.filter(Boolean).join(' · ') }),
    openable ? [' ', el('button', { type: 'button', 'aria-label': `Open ${resource.name}`, text: 'Open…',
      onclick: () => showConnectForm(resource) })] : [],
    resource.members.length ? el('ul', { class: 'resources' }, resource.members.map(resourceNode)) : []);
}

$('#filter-form').addEventListener('submit', (event) => {
  event.preventDefault();
  loadTree();
});
$('#refresh').addEventListener('click', () => loadTree(true));

// --- query: open databases, the SQL editor and its result grid ---------------------------------

let current = null; // the open database the editor works on

/** The fields each login method takes, as POST /api/databases takes them. */
const LOGIN_FIELDS = {
  password: ['username', 'password'], iamToken: ['username'], secret: ['secretArn'], issuedForIdentity: [],
  issuedForUser: ['username', 'groups', 'autoCreate'], awsIdentity: [],
};
const LOGIN_HELP = {
  password: 'Give the database password: Stratus saves none.',
  iamToken: 'A token made with your own AWS keys stands in for the password at each login.',
  issuedForIdentity: 'AWS issues a temporary password for your own IAM identity at each login, asked for with your keys;'
    + ' nothing is kept.',
  issuedForUser: 'AWS issues a temporary password for this database user at each login, asked for with your keys;'
    + ' nothing is kept.',
  awsIdentity: 'Opened with your own AWS identity: your IAM permissions decide what you may read and change.',
};
/** What a saved connection of an engine no bundle describes may still do. */
const USUAL_LOGINS = [{ id: 'password', description: 'a user name and password' },
  { id: 'iamToken', description: 'IAM database authentication' }, { id: 'secret', description: 'a secret from AWS Secrets Manager' }];

/**
 * The connect form for a database of the explorer ({id, name, engine, iamAuthentication}): the login
 * methods its engine takes, each with the fields it needs; filled in from a saved connection, whose
 * method is then the one offered.
 */
function showConnectForm(resource, saved) {
  openTab('query');
  const form = $('#connect-form');
  form.hidden = false;
  form.dataset.resource = resource.id;
  $('#connect-title').textContent = `Connect to ${resource.name}` + (resource.engine ? ` (${resource.engine})` : '');
  const logins = (engines.get(resource.engine)?.defaults.logins ?? USUAL_LOGINS)
    .filter((login) => !saved || login.id === saved.login);
  const offered = logins.length ? logins : [{ id: saved.login, description: saved.login }];
  const possible = (id) => id !== 'iamToken' || resource.iamAuthentication;
  $('#login-kind').replaceChildren(el('legend', { text: 'Log in with' }), ...offered.map((login) => el('label', { class: 'check' },
    el('input', { type: 'radio', name: 'login', value: login.id, disabled: !possible(login.id) }),
    ' ' + login.description[0].toUpperCase() + login.description.slice(1)
      + (possible(login.id) ? '' : ' (not enabled on this database)'))));
  $('#login-kind').hidden = offered.length < 2;
  const first = offered.find((login) => possible(login.id)) ?? offered[0];
  form.querySelector(`input[name=login][value=${first.id}]`).checked = true;
  form.elements.password.value = '';
  form.elements.username.value = saved?.username ?? '';
  form.elements.groups.value = saved?.groups?.join(', ') ?? '';
  form.elements.autoCreate.checked = Boolean(saved?.autoCreate);
  form.elements.database.value = saved?.database ?? '';
  form.elements.saveAs.value = '';
  form.elements.saveAs.disabled = Boolean(saved);
  form.querySelector('[role=alert]')?.remove();
  showLogin(form, saved?.secretArn);
  const field = form.querySelector('[data-login-field]:not([hidden]) input:not([type=checkbox])');
  ((saved && !form.elements.password.disabled) ? form.elements.password : field ?? form.querySelector('button[type=submit]')).focus();
}

/**
 * Shows the fields of the login method chosen. For a secret of AWS Secrets Manager, the secrets
 * offered are those the person's AWS keys may read that hold the database's credentials.
 */
async function showLogin(form, chosen) {
  const method = chosenLogin(form);
  for (const field of form.querySelectorAll('[data-login-field]')) {
    const used = LOGIN_FIELDS[method].includes(field.dataset.loginField);
    field.hidden = !used;
    field.querySelector('input, select').disabled = !used;
  }
  form.elements.username.required = LOGIN_FIELDS[method].includes('username');
  form.elements.password.required = method === 'password';
  form.elements.secretArn.required = method === 'secret';
  $('#database-field').hidden = method === 'awsIdentity';
  form.elements.secretArn.replaceChildren();
  const help = $('#connect-help');
  const iam = [...form.querySelectorAll('input[name=login][value=iamToken]')].some((radio) => !radio.disabled);
  help.textContent = method === 'password' && iam
    ? 'Give the database password, or choose IAM database authentication: a token made with your own AWS keys.'
    : LOGIN_HELP[method] ?? '';
  if (method !== 'secret') return;
  help.textContent = 'Looking for the secrets of this database that you may read…';
  try {
    const { secrets } = await api('GET', `/api/secrets?resource=${encodeURIComponent(form.dataset.resource)}`);
    form.elements.secretArn.replaceChildren(...secrets.map((s) => el('option', { value: s.arn,
      text: s.name + (s.managedByRds ? ' (managed by RDS)' : '') + (s.description ? ` – ${s.description}` : '') })));
    if (chosen) form.elements.secretArn.value = chosen;
    help.textContent = secrets.length
      ? 'Stratus reads the secret with your own AWS keys each time it logs in, and keeps nothing of its value.'
      : chosen ? 'The saved secret is not among those you may read for this database now.'
      : 'No secret you may read holds this database\'s credentials (RDS\'s master user secret, or one naming its host).';
  } catch (e) {
    help.textContent = '';
    if (e.status !== 401) form.append(el('p', { class: 'error', role: 'alert', text: e.message }));
  }
}

function chosenLogin(form) {
  return form.querySelector('input[name=login]:checked').value;
}

$('#connect-form').addEventListener('change', (event) => {
  if (event.target.name === 'login') {
    event.currentTarget.querySelector('[role=alert]')?.remove();
    showLogin(event.currentTarget);
  }
});

$('#connect-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const password = form.elements.password.value;
  form.elements.password.value = ''; // sent once, kept nowhere
  form.querySelector('[role=alert]')?.remove();
  const method = chosenLogin(form);
  const takes = (field) => LOGIN_FIELDS[method].includes(field);
  const connection = {
    resourceId: form.dataset.resource,
    login: method,
    username: takes('username') ? form.elements.username.value.trim() : undefined,
    secretArn: takes('secretArn') ? form.elements.secretArn.value : undefined,
    groups: takes('groups') ? form.elements.groups.value.split(',').map((g) => g.trim()).filter(Boolean) : undefined,
    autoCreate: takes('autoCreate') ? form.elements.autoCreate.checked : undefined,
    database: method === 'awsIdentity' ? undefined : form.elements.database.value.trim() || undefined,
  };
  try {
    current = await api('POST', '/api/databases', { ...connection, password: takes('password') ? password : undefined });
    grid.clear();
    $('#result-status').textContent = '';
    const saveAs = form.elements.saveAs.value.trim();
    if (saveAs && !form.elements.saveAs.disabled) {
      try {
        await api('POST', '/api/connections', { ...connection, name: saveAs });
      } catch (e) {
        await loadOpenDatabases();
        if (e.status !== 401) form.append(el('p', { class: 'error', role: 'alert', text: `Connected, but not saved: ${e.message}` }));
        return;
      }
    }
    form.hidden = true;
    await loadOpenDatabases();
    $('#sql').focus();
  } catch (e) {
    if (e.status !== 401) form.append(el('p', { class: 'error', role: 'alert', text: e.message }));
  }
});

/** How a saved connection logs in, after its user, where the user alone does not say. */
const SAVED_LOGINS = { iamToken: ', IAM', issuedForIdentity: ', credentials from AWS', issuedForUser: ', credentials from AWS' };

async function loadOpenDatabases() {
  const [{ databases }, { connections }] = await Promise.all([api('GET', '/api/databases'), api('GET', '/api/connections')]);
  $('#saved-title').hidden = connections.length === 0;
  $('#saved-connections').replaceChildren(...connections.map((saved) => el('li', {},
    el('span', { text: `${saved.name}: ${saved.secretArn ? 'secret ' + saved.secretArn.split(':secret:')[1]
      : saved.username || (saved.login === 'issuedForIdentity' ? 'your IAM identity' : 'your AWS identity')}${SAVED_LOGINS[saved.login] ?? ''}` }),
    el('button', { type: 'button', text: 'Open…', 'aria-label': `Open saved ${saved.name}`,
      onclick: () => showConnectForm({ id: saved.resourceId, name: saved.name, engine: engineOf(saved.resourceId),
        iamAuthentication: saved.login === 'iamToken' }, saved) }),
    el('button', { type: 'button', text: 'Delete', 'aria-label': `Delete saved ${saved.name}`,
      onclick: async () => { await api('DELETE', `/api/connections/${saved.id}`); loadOpenDatabases(); } }))));
  if (current && !databases.some((db) => db.id === current.id)) current = null;
  $('#query-empty').hidden = databases.length > 0 || !$('#connect-form').hidden;
  $('#open-databases').replaceChildren(...databases.map((db) => el('li', { 'aria-current': String(db.id === current?.id) },
    el('span', { text: describe(db) }),
    el('button', { type: 'button', text: 'Use', 'aria-label': `Use ${describe(db)}`, onclick: () => {
      current = db;
      grid.clear(); // the rows were another database's
      loadOpenDatabases();
    } }),
    el('button', { type: 'button', text: 'Close', 'aria-label': `Close ${describe(db)}`, onclick: () => closeDatabase(db) }))));
  $('#editor').hidden = !current;
  if (current) {
    $('#editor-title').textContent = describe(current);
    const documents = current.engine === DOCUMENTS;
    const dynamo = current.engine === DYNAMODB;
    $('#find-form').hidden = !documents;
    $('#dynamo-form').hidden = !dynamo;
    $('#item-actions').hidden = !dynamo;
    $('#sql-label').textContent = documents ? 'Statement (JSON)' : dynamo ? 'Statement (PartiQL or JSON request)' : 'SQL';
    $('#sql-help').textContent = documents
      ? 'A JSON statement named as in mongosh, such as {"find": "orders", "filter": {"status": "open"}, "limit": 20},'
        + ' or insertOne, updateMany, deleteOne, aggregate, count. Ctrl+Enter runs it.'
      : dynamo
        ? `PartiQL such as SELECT * FROM "${current.database}" WHERE ..., or a DynamoDB request in JSON under its`
          + ' operation\'s name, as the form above writes it. Values are in DynamoDB JSON. Ctrl+Enter runs it.'
        : 'Ctrl+Enter runs the statement.';
  }
}

/** The find view: builds a find statement from its fields, shows it in the editor and runs it. */
$('#find-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.target;
  const status = $('#result-status');
  const json = (field) => {
    try {
      return JSON.parse(form.elements[field].value || '{}');
    } catch (e) {
      throw new Error(`The ${field} is not JSON: ${e.message}`);
    }
  };
  try {
    const find = { find: form.elements.collection.value.trim(), filter: json('filter'), projection: json('projection') };
    const limit = Number(form.elements.limit.value);
    if (limit > 0) find.limit = limit;
    $('#sql').value = JSON.stringify(find, null, 1);
    runStatement();
  } catch (e) {
    status.className = 'error';
    status.textContent = e.message;
  }
});

/** The engine a saved connection's resource names where its ARN tells (a DynamoDB table's does). */
function engineOf(resourceId) {
  return resourceId.split(':')[2] === 'dynamodb' ? DYNAMODB : undefined;
}

function describe(db) {
  const name = db.resourceId.split(/[:/]/).pop();
  const readOnly = db.readOnly ? ' (read-only)' : '';
  if (db.engine === DYNAMODB) return `${name} (DynamoDB) with your AWS identity${readOnly}`;
  return `${name}${db.database ? '/' + db.database : ''} as ${db.username}${readOnly}`;
}

// --- the DynamoDB view: a form that writes a DynamoDB request into the editor and runs it ------

const dynamoForm = $('#dynamo-form');
/** A field of the DynamoDB form by name (namedItem: "item" is also a method of the elements collection). */
const dynamoField = (name) => dynamoForm.elements.namedItem(name);

function showDynamoFields() {
  const operation = dynamoField('operation').value;
  dynamoForm.querySelectorAll('[data-for]').forEach((label) => {
    label.hidden = !label.dataset.for.split(' ').includes(operation);
  });
  // PartiQL gets a statement to complete in the editor rather than a request to run.
  dynamoForm.querySelector('button[type=submit]').textContent = operation === 'PartiQL' ? 'Write statement'
    : `Run ${dynamoField('operation').selectedOptions[0].text}`;
}
dynamoField('operation').addEventListener('change', showDynamoFields);
showDynamoFields();

/** The form's request, with only the fields given; JSON fields are checked here, so a typo shows at once. */
function dynamoRequest() {
  const operation = dynamoField('operation').value;
  if (operation === 'PartiQL') return `SELECT * FROM "${current.database}"`;
  const request = {};
  const shown = (name) => !dynamoField(name).closest('label').hidden;
  const text = (name, field) => {
    if (shown(name) && dynamoField(name).value.trim()) request[field] = dynamoField(name).value.trim();
  };
  const json = (name, field) => {
    if (!shown(name) || !dynamoField(name).value.trim()) return;
    try {
      request[field] = JSON.parse(dynamoField(name).value);
    } catch (e) {
      throw new Error(`${dynamoField(name).closest('label').firstChild.textContent.trim()} is not JSON: ${e.message}`);
    }
  };
  text('index', 'IndexName');
  text('keyCondition', 'KeyConditionExpression');
  text('filter', 'FilterExpression');
  text('projection', 'ProjectionExpression');
  json('key', 'Key');
  json('item', 'Item');
  text('condition', 'ConditionExpression');
  json('names', 'ExpressionAttributeNames');
  json('values', 'ExpressionAttributeValues');
  if (shown('newestFirst') && dynamoField('newestFirst').checked) request.ScanIndexForward = false;
  return JSON.stringify({ [operation]: request }, null, 1);
}

dynamoForm.addEventListener('submit', (event) => {
  event.preventDefault();
  try {
    $('#sql').value = dynamoRequest();
  } catch (e) {
    $('#result-status').className = 'error';
    $('#result-status').textContent = e.message;
    return;
  }
  if (dynamoField('operation').value === 'PartiQL') {
    $('#sql').focus(); // a skeleton to complete, not a statement to run yet
    return;
  }
  runStatement();
});

/** Fills the form for another operation on an item, from the JSON view. */
function prepareDynamo(operation, fields) {
  dynamoForm.reset();
  dynamoField('operation').value = operation;
  Object.entries(fields).forEach(([name, value]) => { dynamoField(name).value = value; });
  showDynamoFields();
  dynamoField(Object.keys(fields)[0]).focus();
}

// --- the JSON view of the selected row ----------------------------------------------------------

const itemView = {
  row: null,
  value: null,

  /**
   * Shows a row's JSON value: a DynamoDB item pretty-printed (its numbers are strings, so nothing
   * changes), other JSON as the database wrote it (parsing could round large numbers).
   */
  show(index) {
    const column = grid.columns.findIndex((c) => c.type === 'json');
    if (column < 0 || index < 0 || index >= grid.rows.length) return;
    this.row = index;
    const text = grid.rows[index][column];
    const dynamo = current?.engine === DYNAMODB;
    this.value = dynamo ? JSON.parse(text) : null;
    $('#item-view-row').textContent = String(index + 1);
    $('#item-json').textContent = dynamo ? JSON.stringify(this.value, null, 2) : text;
    $('#item-view').hidden = false;
    const keyComplete = dynamo && this.keyNames().every((name) => name in this.value);
    $('#item-edit').disabled = !dynamo || current.readOnly;
    $('#item-delete').disabled = !keyComplete || current.readOnly;
    grid.reveal(index);
  },

  /** The key is the columns before the item, which the connector puts first. */
  keyNames() {
    return grid.columns.filter((c) => c.type !== 'json').map((c) => c.name);
  },

  hide() {
    this.row = null;
    $('#item-view').hidden = true;
  },
};

$('#item-edit').addEventListener('click', () => prepareDynamo('PutItem', { item: JSON.stringify(itemView.value, null, 1) }));
$('#item-delete').addEventListener('click', () => {
  const key = Object.fromEntries(itemView.keyNames().map((name) => [name, itemView.value[name]]));
  prepareDynamo('DeleteItem', { key: JSON.stringify(key) });
});

async function closeDatabase(db) {
  await api('DELETE', `/api/databases/${db.id}`);
  if (current?.id === db.id) {
    current = null;
    grid.clear();
  }
  await loadOpenDatabases();
}

async function runStatement() {
  const statement = $('#sql').value.trim();
  if (!current || !statement) return;
  const status = $('#result-status');
  status.className = '';
  status.textContent = 'Running…';
  $('#run').disabled = true;
  $('#cancel').disabled = false;
  try {
    const page = await api('POST', `/api/databases/${current.id}/statements`, { statement }); // pages of the API's size
    itemView.hide();
    if (page.columns.length) {
      grid.show(current.id, page);
    } else {
      grid.clear();
      status.textContent = page.updateCount !== undefined ? `${rowCount(page.updateCount)} changed.` : 'Done.';
    }
  } catch (e) {
    if (e.status !== 401) {
      status.className = 'error';
      status.textContent = e.message;
    }
  } finally {
    $('#run').disabled = false;
    $('#cancel').disabled = true;
  }
}

$('#run').addEventListener('click', runStatement);
$('#sql').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    runStatement();
  }
});
$('#cancel').addEventListener('click', () => current && api('POST', `/api/databases/${current.id}/cancel`, {}));

const ROW_HEIGHT = 26; // px, as .grid-row in console.css

/**
 * The result grid: only the rows in view (and a few around them) are in the page, however many
 * are loaded; scrolling near the end loads the next page from the server.
 */
const grid = {
  node: $('#grid'),
  rows: [],
  columns: [],
  more: false,
  loading: false,

  show(databaseId, page) {
    this.databaseId = databaseId;
    this.statement = page.statement;
    this.columns = page.columns;
    this.rows = page.rows;
    this.more = page.more;
    // A document reads better wide; other values fit 12rem.
    this.widths = this.columns.map((column) => (column.type === 'json' ? 48 : 12));
    const width = `${this.widths.reduce((sum, w) => sum + w, 0)}rem`;
    this.head = el('div', { class: 'grid-head', role: 'row', 'aria-rowindex': '1', style: { width } },
      this.columns.map((column, i) => el('div', { class: 'grid-cell', role: 'columnheader', title: column.type,
        text: column.name, style: { flexBasis: `${this.widths[i]}rem` } })));
    this.body = el('div', { class: 'grid-body', style: { width } });
    this.node.replaceChildren(this.head, this.body);
    this.node.hidden = false;
    this.node.scrollTop = 0;
    this.render();
  },

  clear() {
    itemView.hide();
    this.rows = [];
    this.node.replaceChildren();
    this.node.hidden = true;
  },

  render() {
    this.body.style.height = `${this.rows.length * ROW_HEIGHT}px`;
    this.node.setAttribute('aria-rowcount', this.more ? '-1' : String(this.rows.length + 1));
    const first = Math.max(0, Math.floor(this.node.scrollTop / ROW_HEIGHT) - 10);
    const last = Math.min(this.rows.length, first + Math.ceil(this.node.clientHeight / ROW_HEIGHT) + 20);
    const shown = [];
    const selectable = this.selectable();
    for (let i = first; i < last; i++) {
      shown.push(el('div', { class: selectable ? 'grid-row selectable' : 'grid-row', role: 'row', 'aria-rowindex': String(i + 2),
        'aria-selected': selectable ? String(i === itemView.row) : undefined, style: { top: `${i * ROW_HEIGHT}px` },
        onclick: selectable ? () => itemView.show(i) : undefined },
        this.rows[i].map((value, column) => cell(value, this.widths[column]))));
    }
    this.body.replaceChildren(...shown);
    $('#result-status').textContent = rowCount(this.rows.length) + (this.more ? ' loaded; scroll for more.' : '.');
    if (this.more && !this.loading && last >= this.rows.length - 20) this.loadMore();
  },

  /** Rows with a JSON value open in the JSON view: by click, or from the focused grid with the arrow keys. */
  selectable() {
    return this.columns.some((c) => c.type === 'json');
  },

  /** Scrolls a row into view and draws the rows again. */
  reveal(index) {
    const top = index * ROW_HEIGHT;
    const viewTop = this.node.scrollTop;
    const viewHeight = this.node.clientHeight - ROW_HEIGHT; // under the sticky header
    if (top < viewTop) this.node.scrollTop = top;
    else if (top > viewTop + viewHeight - ROW_HEIGHT) this.node.scrollTop = top - viewHeight + ROW_HEIGHT;
    this.render();
  },

  async loadMore() {
    this.loading = true;
    const { databaseId, statement } = this;
    try {
      const page = await api('GET', `/api/databases/${databaseId}/rows?statement=${statement}`);
      if (databaseId !== this.databaseId || statement !== this.statement) return; // another statement took over
      this.rows = this.rows.concat(page.rows);
      this.more = page.more;
    } catch (e) {
      this.more = false;
      if (e.status !== 401) $('#result-status').textContent = e.message;
      return;
    } finally {
      this.loading = false;
    }
    this.render();
  },
};

grid.node.addEventListener('scroll', () => grid.render());
grid.node.addEventListener('keydown', (event) => {
  if (!grid.selectable() || !['ArrowDown', 'ArrowUp'].includes(event.key)) return;
  event.preventDefault();
  const from = itemView.row ?? -1;
  itemView.show(Math.max(0, from + (event.key === 'ArrowDown' ? 1 : -1)));
});

function rowCount(rows) {
  return `${rows.toLocaleString('en')} ${rows === 1 ? 'row' : 'rows'}`;
}

function cell(value, width) {
  const style = { flexBasis: `${width}rem` };
  if (value === null) return el('div', { class: 'grid-cell null', role: 'gridcell', text: 'NULL', style });
  const text = typeof value === 'object' ? `binary, ${atob(value.base64).length} bytes` : String(value);
  return el('div', { class: 'grid-cell', role: 'gridcell', title: text, text, style });
}

// --- users, roles, audit ----------------------------------------------------------------------

async function loadUsers() {
  const [users, roles] = await Promise.all([api('GET', '/api/users'), api('GET', '/api/roles')]);
  const table = $('#users-table');
  table.replaceChildren(el('tr', {}, ['User', 'Type', 'Last sign-in', 'Roles', ''].map((h) => el('th', { text: h }))),
    ...users.users.map((user) => {
      const boxes = roles.roles.map((role) => el('label', { class: 'check' },
        el('input', { type: 'checkbox', value: role.id, checked: user.roles.includes(role.id) }), role.name));
      const status = el('span', { role: 'status', class: 'muted' });
      const save = el('button', { type: 'button', text: 'Save roles', onclick: async () => {
        const chosen = boxes.map((b) => b.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
        try {
          await api('PUT', `/api/users/${encodeURIComponent(user.id)}/roles`, { roles: chosen });
          status.textContent = 'Saved.';
        } catch (e) {
          status.textContent = e.message;
        }
      } });
      return el('tr', { 'data-user': user.arn }, el('td', { text: user.arn }), el('td', { text: user.type }),
        el('td', { text: user.lastSignIn }), el('td', {}, boxes), el('td', {}, save, ' ', status));
    }));
}

async function loadRoles() {
  const [data, table] = await Promise.all([api('GET', '/api/roles'), api('GET', '/api/permissions')]);
  $('#roles-table').replaceChildren(el('tr', {}, ['Role', 'Permissions', ''].map((h) => el('th', { text: h }))),
    ...data.roles.map((role) => el('tr', {},
      el('td', { text: role.name + (role.id === data.defaultRole ? ' (new users get it)' : '') }),
      el('td', { text: role.permissions.join(', ') }),
      el('td', {}, role.builtIn ? el('span', { class: 'muted', text: 'built in' })
        : el('button', { type: 'button', text: `Delete ${role.name}`, onclick: async () => {
          await api('DELETE', `/api/roles/${encodeURIComponent(role.id)}`).catch((e) => notice(e.message));
          loadRoles();
        } })))));
  $('#default-role').replaceChildren(...data.roles.map((role) =>
    el('option', { value: role.id, text: role.name, selected: role.id === data.defaultRole })));
  $('#role-permissions').replaceChildren(el('legend', { text: 'Permissions' }), ...table.permissions.map((p) =>
    el('label', { class: 'check' },
      el('input', { type: 'checkbox', name: 'permission', value: p.id }), p.id + ': ' + p.description)));
}

$('#default-role-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await api('PUT', '/api/instance/default-role', { role: $('#default-role').value });
    $('#default-role-status').textContent = 'Saved.';
  } catch (e) {
    $('#default-role-status').textContent = e.message;
  }
});

$('#role-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const permissions = [...form.querySelectorAll('input[name=permission]:checked')].map((i) => i.value);
  try {
    await api('POST', '/api/roles', { id: form.elements.id.value, name: form.elements.name.value, permissions });
    form.reset();
    notice('');
    loadRoles();
  } catch (e) {
    notice(e.message);
  }
});

async function loadAudit() {
  const data = await api('GET', '/api/audit?limit=200');
  $('#audit-table').replaceChildren(el('tr', {}, ['When', 'Who', 'What', 'Outcome', 'Detail'].map((h) => el('th', { text: h }))),
    ...data.entries.map((entry) => el('tr', {}, [entry.at, entry.actor || '', entry.action, entry.outcome, entry.detail || '']
      .map((text) => el('td', { text })))));
}

// --- start ------------------------------------------------------------------------------------

async function start() {
  keysForm($('#setup-form'), 'Set up and sign in', '/api/setup');
  keysForm($('#sign-in-form'), 'Sign in', '/api/session');
  identityCenterPanel($('#setup-view .sso'), 'setup');
  identityCenterPanel($('#sign-in-view .sso'), 'sign-in');
  identityCenterRenewal = identityCenterPanel($('#reauth-sso'), 'renew');
  $('#reauth-dialog').addEventListener('close', () => identityCenterRenewal.end()); // nobody waits for it any more
  keysForm($('#reauth-form'), 'Re-authenticate', '/api/session/renew', renewed);
  const instance = await api('GET', '/api/instance');
  if (!instance.configured) {
    show('setup-view');
    return;
  }
  try {
    me = await api('GET', '/api/session');
    enterApp();
  } catch (e) {
    show('sign-in-view');
  }
}

start();
