// Runs inside a hidden frame (/static/diagram.html) whose policy allows the inline styles mermaid needs, so the
// chat page itself keeps `style-src 'self'`. Takes {id, diagram, dark} messages from the parent page and answers
// {id, svg} or {id, error}; the parent shows the SVG as an image, which cannot run script.
const mermaid = window.mermaid;
let theme = null;
let count = 0;

addEventListener('message', async (event) => {
  if (event.origin !== location.origin || event.source !== parent) return;
  const { id, diagram, dark } = event.data ?? {};
  try {
    const wanted = dark ? 'dark' : 'default';
    if (theme !== wanted) {
      mermaid.initialize({
        startOnLoad: false,
        securityLevel: 'strict',
        theme: wanted,
        flowchart: { htmlLabels: false },
      });
      theme = wanted;
    }
    const { svg } = await mermaid.render(`d${++count}`, String(diagram));
    parent.postMessage({ id, svg }, location.origin);
  } catch (error) {
    parent.postMessage({ id, error: String(error?.message ?? error) }, location.origin);
  }
});
parent.postMessage({ ready: true }, location.origin);
