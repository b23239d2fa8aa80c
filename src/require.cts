// What `require('inkdeck')` loads. inkdeck is an ES module whose dependencies (Ink's layout
// engine, Yoga) await their WebAssembly at the top level, which Node's require() of an ES module
// refuses (ERR_REQUIRE_ASYNC_MODULE), so CommonJS code gets this message instead.
throw new Error(
  "inkdeck is an ES module: load it with `const inkdeck = await import('inkdeck')` (in Jest, run the test file as an ES module).",
);
