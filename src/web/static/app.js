// The chat page's behaviour: asks /v1/chat, renders with render.js, wires copy, placeholders, feedback,
// keyboard, the API token and the lazily loaded diagram renderer. No framework: the page is small.
import { commandText, escapeHtml, renderAnswer, strings } from './render.js';

const TOKEN_KEY = 'netkb.token';
const $ = (selector) => document.querySelector(selector);
const thread = $('#thread');
const form = $('#ask');
const input = $('#question');
const history = [];
let recall = -1;
let conversationId = null;
let lang = (navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';
/** Values typed into placeholders, shared by every command on the page. */
const values = {};

function applyStrings() {
  const t = strings(lang);
  document.documentElement.lang = lang;
  for (const element of document.querySelectorAll('[data-i18n]'))
    element.textContent = t[element.dataset.i18n];
  for (const element of document.querySelectorAll('[data-i18n-placeholder]'))
    element.placeholder = t[element.dataset.i18nPlaceholder];
  const examples = $('#examples');
  if (examples) {
    examples.innerHTML = t.examples
      .map((q) => `<li><button type="button" class="example">${escapeHtml(q)}</button></li>`)
      .join('');
  }
}

function authHeaders() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { authorization: `Bearer ${token}` } : {};
}

function askForToken() {
  const box = $('#token-box');
  box.hidden = false;
  $('#token').focus();
  return new Promise((resolve) => {
    const save = () => {
      const token = $('#token').value.trim();
      if (!token) return;
      sessionStorage.setItem(TOKEN_KEY, token);
      box.hidden = true;
      input.focus();
      resolve();
    };
    $('#token-save').onclick = save;
    $('#token').onkeydown = (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        save();
      }
    };
  });
}

async function post(path, body) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-netkb-channel': 'web', ...authHeaders() },
      body: JSON.stringify(body),
    });
    if (response.status !== 401) return response;
    sessionStorage.removeItem(TOKEN_KEY);
    addNotice(strings(lang).tokenNeeded);
    await askForToken();
  }
  throw new Error('unauthorized');
}

function addNotice(text, kind = 'notice') {
  const element = document.createElement('p');
  element.className = kind;
  element.textContent = text;
  thread.append(element);
  element.scrollIntoView({ block: 'end' });
  return element;
}

function addQuestion(text) {
  $('#welcome')?.remove();
  const element = document.createElement('div');
  element.className = 'question';
  element.textContent = text;
  thread.append(element);
}

async function ask(question) {
  addQuestion(question);
  const pending = addNotice(strings(lang).thinking, 'pending');
  const started = performance.now();
  try {
    const request = { message: question, ...(conversationId ? { conversation_id: conversationId } : {}) };
    const response = await post('/v1/chat', request);
    const data = await response.json();
    pending.remove();
    if (!response.ok) {
      addNotice(`${strings(lang).error}: ${data?.error?.message ?? response.status}`, 'error');
      return;
    }
    conversationId = data.conversation_id;
    lang = data.structured.lang === 'zh' ? 'zh' : 'en';
    applyStrings();
    const holder = document.createElement('div');
    holder.innerHTML = renderAnswer(data);
    const card = holder.firstElementChild;
    thread.append(card);
    for (const field of card.querySelectorAll('input.ph')) {
      const name = field.dataset.ph;
      if (values[name]) field.value = values[name];
      else if (field.value) values[name] = field.value;
    }
    card.scrollIntoView({ block: 'start' });
    card.dataset.renderMs = String(Math.round(performance.now() - started));
    drawDiagrams(card);
  } catch (error) {
    pending.remove();
    addNotice(`${strings(lang).error}: ${error.message}`, 'error');
  }
}

async function copy(text) {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  // Plain http on a LAN name has no clipboard API: the old way still works there.
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'offscreen';
  document.body.append(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}

thread.addEventListener('click', async (event) => {
  const target = event.target.closest('button');
  if (!target) return;
  if (target.classList.contains('example')) {
    input.value = target.textContent;
    form.requestSubmit();
    return;
  }
  if (target.classList.contains('copy')) {
    const item = target.closest('li.cmd');
    const text = commandText(JSON.parse(item.dataset.parts), values);
    await copy(text);
    const t = strings(item.closest('article')?.lang ?? lang);
    target.textContent = t.copied;
    target.classList.add('done');
    setTimeout(() => {
      target.textContent = t.copy;
      target.classList.remove('done');
    }, 1500);
    return;
  }
  if (target.classList.contains('fb')) {
    const card = target.closest('article');
    const note = card.querySelector('.fb-note');
    const t = strings(card.lang);
    for (const button of card.querySelectorAll('.fb')) button.disabled = true;
    target.classList.add('chosen');
    const response = await post('/v1/feedback', {
      answer_id: card.dataset.answerId,
      helpful: target.dataset.helpful === 'true',
    }).catch(() => null);
    note.textContent = response?.status === 204 ? t.thanks : t.feedbackOff;
  }
});

// Typing into one placeholder fills the same placeholder in every command.
thread.addEventListener('input', (event) => {
  const field = event.target;
  if (!field.matches?.('input.ph')) return;
  const name = field.dataset.ph;
  values[name] = field.value;
  for (const other of thread.querySelectorAll('input.ph')) {
    if (other.dataset.ph !== name) continue;
    if (other !== field) other.value = field.value;
    other.size = Math.max(field.value.length, name.length - 2, 3);
    other.classList.toggle('set', field.value !== '');
  }
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const question = input.value.trim();
  if (!question) return;
  history.push(question);
  recall = -1;
  input.value = '';
  void ask(question);
});

input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    form.requestSubmit();
  } else if (event.key === 'ArrowUp' && (input.value === '' || recall >= 0) && history.length) {
    event.preventDefault();
    recall = recall < 0 ? history.length - 1 : Math.max(0, recall - 1);
    input.value = history[recall];
  } else if (event.key === 'ArrowDown' && recall >= 0) {
    event.preventDefault();
    recall = recall + 1 < history.length ? recall + 1 : -1;
    input.value = recall < 0 ? '' : history[recall];
  }
});

$('#new-chat').addEventListener('click', () => {
  conversationId = null;
  thread.replaceChildren();
  input.focus();
});

// The diagram renderer is big (it is not part of the page weight) and needs inline styles: it runs in a hidden
// frame with its own policy, created only when an answer has a mermaid diagram. Its SVG is shown as an image.
let frameReady = null;
const waiting = new Map();
let nextDiagram = 0;
function diagramFrame() {
  frameReady ??= new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.src = '/static/diagram.html';
    frame.className = 'offscreen';
    frame.title = 'diagram renderer';
    frame.setAttribute('aria-hidden', 'true');
    addEventListener('message', (event) => {
      if (event.origin !== location.origin || event.source !== frame.contentWindow) return;
      if (event.data?.ready) resolve(frame.contentWindow);
      const pending = waiting.get(event.data?.id);
      if (!pending) return;
      waiting.delete(event.data.id);
      if (event.data.svg) pending.resolve(event.data.svg);
      else pending.reject(new Error(event.data.error));
    });
    document.body.append(frame);
  });
  return frameReady;
}

async function renderDiagram(diagram) {
  const target = await diagramFrame();
  const id = ++nextDiagram;
  const dark = matchMedia('(prefers-color-scheme: dark)').matches;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    target.postMessage({ id, diagram, dark }, location.origin);
  });
}

async function drawDiagrams(card) {
  for (const slot of card.querySelectorAll('.mermaid-slot')) {
    try {
      const svg = await renderDiagram(slot.dataset.diagram);
      const image = document.createElement('img');
      image.className = 'diagram-image';
      image.alt = slot.dataset.diagram;
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
      slot.replaceChildren(image);
      slot.nextElementSibling?.classList.add('drawn');
    } catch {
      // The hops below stay as the diagram's text form.
      slot.replaceChildren();
    }
  }
}

applyStrings();
input.focus();
