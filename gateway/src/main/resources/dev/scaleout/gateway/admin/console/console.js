// The console: polls GET /api/replicas every second, renders the table and two charts,
// and sends the operator's changes with the admin token kept in this tab's sessionStorage.
'use strict';

const COLORS = ['#0969da', '#cf222e', '#1a7f37', '#8250df', '#bc4c00', '#1b7c83', '#bf3989', '#57606a'];
const SAMPLES = 60;
const history = new Map(); // address -> {total, at, rates[], p99s[]}
let readOnly = true;

function token() {
  return sessionStorage.getItem('scaleout-admin-token') || '';
}

async function change(address, action, init) {
  const response = await fetch('api/replicas/' + encodeURIComponent(address) + '/' + action,
    Object.assign({ headers: { 'Authorization': 'Bearer ' + token(), 'Content-Type': 'application/json' } }, init));
  const message = document.getElementById('message');
  if (response.ok) {
    message.textContent = '';
  } else {
    const problem = await response.json().catch(() => ({ detail: response.statusText }));
    message.textContent = problem.detail || ('HTTP ' + response.status);
  }
  await refresh();
}

const COLUMNS = ['address', 'state', 'mode', 'weight', 'inFlight', 'rate', 'p50', 'p99', 'failures', 'ejections', 'changed'];

function button(td, label, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.name = label === 'set weight' ? 'set-weight' : label;
  b.addEventListener('click', onClick);
  td.appendChild(b);
}

// Rows are created once per replica and updated in place, so a button is never replaced under the pointer.
function rowOf(tbody, address) {
  let row = tbody.querySelector('tr[data-address="' + CSS.escape(address) + '"]');
  if (row) {
    return row;
  }
  row = tbody.insertRow();
  row.dataset.address = address;
  COLUMNS.forEach((column) => {
    row.insertCell().className = column;
  });
  const actions = row.insertCell();
  actions.className = 'actions';
  ['drain', 'maint', 'ready'].forEach((action) => button(actions, action,
    () => change(address, action, { method: 'POST' })));
  const weight = document.createElement('input');
  weight.type = 'number';
  weight.min = 1;
  weight.max = 1000;
  weight.name = 'weight';
  actions.appendChild(weight);
  button(actions, 'set weight', () => change(address, 'weight',
    { method: 'PUT', body: JSON.stringify({ weight: Number(weight.value) }) }));
  return row;
}

function render(replicas) {
  const tbody = document.querySelector('#replicas tbody');
  const now = Date.now();
  replicas.forEach((replica) => {
    const seen = history.get(replica.address) || { total: replica.total, at: now, rates: [], p99s: [] };
    const seconds = Math.max((now - seen.at) / 1000, 0.001);
    const rate = seen.at === now ? 0 : Math.max(replica.total - seen.total, 0) / seconds;
    seen.rates.push(rate);
    seen.p99s.push(replica.p99Millis);
    seen.rates.splice(0, Math.max(seen.rates.length - SAMPLES, 0));
    seen.p99s.splice(0, Math.max(seen.p99s.length - SAMPLES, 0));
    seen.total = replica.total;
    seen.at = now;
    history.set(replica.address, seen);

    const row = rowOf(tbody, replica.address);
    row.dataset.state = replica.state;
    const text = {
      address: replica.address, state: replica.state, mode: replica.mode, weight: replica.weight,
      inFlight: replica.inFlight, rate: rate.toFixed(1), p50: replica.p50Millis.toFixed(1),
      p99: replica.p99Millis.toFixed(1), failures: replica.failures, ejections: replica.ejections,
      changed: replica.changedAt ? new Date(replica.changedAt).toLocaleTimeString() + ' by ' + replica.changedBy : ''
    };
    COLUMNS.forEach((column) => {
      const td = row.querySelector('td.' + column);
      if (td.textContent !== String(text[column])) {
        td.textContent = text[column];
      }
    });
    row.querySelectorAll('button, input').forEach((control) => {
      control.disabled = readOnly;
    });
    const weight = row.querySelector('input[name="weight"]');
    if (document.activeElement !== weight) {
      weight.value = replica.weight;
    }
  });
  tbody.querySelectorAll('tr').forEach((row) => {
    if (!replicas.some((replica) => replica.address === row.dataset.address)) {
      row.remove();
    }
  });
  for (const address of [...history.keys()]) {
    if (!replicas.some((replica) => replica.address === address)) {
      history.delete(address);
    }
  }
  draw('rate-chart', 'rates');
  draw('p99-chart', 'p99s');
  legend();
}

function draw(id, series) {
  const canvas = document.getElementById(id);
  const g = canvas.getContext('2d');
  g.clearRect(0, 0, canvas.width, canvas.height);
  const all = [...history.values()].flatMap((h) => h[series]);
  const max = Math.max(1, ...all) * 1.1;
  g.fillStyle = '#57606a';
  g.fillText(max.toFixed(0), 4, 12);
  [...history.values()].forEach((h, i) => {
    g.strokeStyle = COLORS[i % COLORS.length];
    g.beginPath();
    h[series].forEach((value, x) => {
      const px = (x / (SAMPLES - 1)) * canvas.width;
      const py = canvas.height - (value / max) * canvas.height;
      if (x === 0) { g.moveTo(px, py); } else { g.lineTo(px, py); }
    });
    g.stroke();
  });
}

function legend() {
  const list = document.getElementById('legend');
  list.replaceChildren();
  [...history.keys()].forEach((address, i) => {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.style.background = COLORS[i % COLORS.length];
    item.append(swatch, address);
    list.appendChild(item);
  });
}

async function refresh() {
  const status = document.getElementById('status');
  try {
    const response = await fetch('api/replicas', { cache: 'no-store' });
    const body = await response.json();
    readOnly = body.readOnly;
    document.getElementById('read-only').hidden = !readOnly;
    render(body.replicas);
    status.textContent = 'updated ' + new Date().toLocaleTimeString();
  } catch (failure) {
    status.textContent = 'gateway unreachable: ' + failure;
  }
}

document.getElementById('token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem('scaleout-admin-token', document.getElementById('token').value);
  document.getElementById('message').textContent = 'token set for this tab';
});

refresh();
setInterval(refresh, 1000);
