// Starts the app. It is a file of its own, not an inline script, so the page's
// Content-Security-Policy can forbid every inline script.
const tag = document.querySelector("script[data-rth-js]");
const { default: init } = await import(tag.dataset.rthJs);
await init({ module_or_path: tag.dataset.rthWasm });
