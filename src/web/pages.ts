/**
 * The HTML shells of the web pages. Pure: strings in, HTML out. No inline script or style anywhere (the CSP
 * forbids them): behaviour lives in /static/*.js, looks in /static/style.css. Every interpolated value is escaped.
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface ShellOptions {
  title: string;
  lang: string;
  body: string;
  scripts: string[];
  bodyClass?: string;
}

function shell(options: ShellOptions): string {
  const scripts = options.scripts
    .map((src) => `<script type="module" src="${escapeHtml(src)}"></script>`)
    .join('');
  return `<!doctype html>
<html lang="${escapeHtml(options.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(options.title)}</title>
<link rel="stylesheet" href="/static/style.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
${scripts}
</head>
<body class="${escapeHtml(options.bodyClass ?? '')}">
${options.body}
</body>
</html>
`;
}

const BRAND = '<a class="brand" href="/"><span class="logo" aria-hidden="true">⎈</span> netkb</a>';

/** The chat page: everything but the frame is drawn by /static/app.js. */
export function chatPage(): string {
  return shell({
    title: 'netkb',
    lang: 'zh',
    scripts: ['/static/app.js'],
    bodyClass: 'chat',
    body: `<header class="top">${BRAND}<span class="tagline" data-i18n="tagline">Kubernetes networking runbooks</span>
<button type="button" id="new-chat" class="ghost" data-i18n="newChat">New conversation</button></header>
<main id="thread" aria-live="polite"><section class="welcome" id="welcome">
<h1 data-i18n="welcome">What is failing?</h1>
<p data-i18n="welcomeHint">Describe the symptom in Chinese or English. Answers come from the team's runbooks, with the commands to run and the lines they came from.</p>
<ul class="examples" id="examples"></ul></section></main>
<form id="ask" class="ask" autocomplete="off">
<div id="token-box" class="token-box" hidden><label for="token" data-i18n="tokenLabel">API token</label>
<input id="token" type="password" autocomplete="off"><button type="button" id="token-save" data-i18n="tokenSave">Use token</button></div>
<textarea id="question" rows="1" autofocus aria-label="question" data-i18n-placeholder="placeholder" placeholder="pod 访问 node 的 6443 不通"></textarea>
<button type="submit" id="send" data-i18n="send">Ask</button>
<p class="hint" data-i18n="keys">Enter sends · Shift+Enter new line · ↑ recalls</p>
</form>`,
  });
}

export function docPage(path: string, title: string, html: string): string {
  return shell({
    title: `${title || path} · netkb`,
    lang: 'zh',
    scripts: ['/static/doc.js'],
    bodyClass: 'doc',
    body: `<header class="top">${BRAND}<span class="doc-path">${escapeHtml(path)}</span></header>
<main class="doc-body"><article class="markdown" id="doc">${html}</article></main>`,
  });
}

export function notFoundPage(message: string): string {
  return shell({
    title: 'Not found · netkb',
    lang: 'en',
    scripts: [],
    body: `<header class="top">${BRAND}</header><main class="doc-body"><p class="notice">${escapeHtml(message)}</p></main>`,
  });
}

export function adminLoginPage(error: string | null): string {
  return shell({
    title: 'Maintainer console · netkb',
    lang: 'en',
    scripts: [],
    bodyClass: 'admin',
    body: `<header class="top">${BRAND}<span class="tagline">Maintainer console</span></header>
<main class="login"><form method="post" action="/admin/login" class="card">
<h1>Sign in</h1><p>Enter the maintainer token (<code>NETKB_ADMIN_TOKEN</code>).</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<label for="token">Token</label><input id="token" name="token" type="password" autofocus required>
<button type="submit">Sign in</button></form></main>`,
  });
}

export function adminConsolePage(): string {
  return shell({
    title: 'Maintainer console · netkb',
    lang: 'en',
    scripts: ['/static/admin.js'],
    bodyClass: 'admin',
    body: `<header class="top">${BRAND}<span class="tagline">Maintainer console</span>
<nav class="tabs" id="tabs"><button type="button" data-tab="explain" class="active">Retrieval test</button>
<button type="button" data-tab="coverage">Coverage</button><button type="button" data-tab="reports">Unanswered &amp; feedback</button>
<button type="button" data-tab="lint">KB findings</button></nav>
<form method="post" action="/admin/logout"><button type="submit" class="ghost">Sign out</button></form></header>
<main class="console">
<section data-panel="explain"><form id="explain-form" class="row"><input id="explain-q" placeholder="question, e.g. pod 访问 node 的 6443 不通" required>
<button type="submit">Explain</button></form><div id="explain-out"></div></section>
<section data-panel="coverage" hidden><form id="coverage-form" class="row"><button type="button" id="coverage-bundled">Run the bundled eval set</button>
<label class="file">or upload a questions file (YAML) <input type="file" id="coverage-file" accept=".yaml,.yml,.json"></label></form><div id="coverage-out"></div></section>
<section data-panel="reports" hidden><form id="report-form" class="row"><select id="report-kind"><option value="unanswered">Unanswered</option>
<option value="feedback">Unhelpful answers</option><option value="docs">Per doc</option></select>
<select id="report-since"><option>1d</option><option selected>7d</option><option>30d</option></select><button type="submit">Show</button></form><div id="report-out"></div></section>
<section data-panel="lint" hidden><div class="row"><button type="button" id="lint-run">Lint the KB</button></div><div id="lint-out"></div></section>
</main>`,
  });
}
