// Descent's loader: downloads the Go program (or unpacks it from the page, in
// the single-file descent.html), shows true progress, starts it, and replaces
// itself with a plain-language message when anything goes wrong. It is a file
// of its own, not an inline script, so the page runs under a strict
// Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval').
"use strict";
(() => {
  const body = document.body;
  body.dataset.state = "loading"; // the page's CSS shows a notice if this never happens
  const byId = (id) => document.getElementById(id);
  const bar = byId("bar"), barFill = byId("bar-fill"), percent = byId("percent"), loadStatus = byId("load-status");

  // A loader silent for this long says so instead of spinning on.
  const stallMs = 10000;

  let failed = false;
  // fail replaces the loader with a plain-language message; detail is the
  // technical part, shown small for bug reports.
  function fail(message, detail, tips) {
    if (failed) return;
    failed = true;
    clearTimeout(stallTimer);
    body.dataset.state = "error";
    byId("loader").hidden = true;
    byId("fail-message").textContent = message;
    const list = byId("fail-tips");
    for (const tip of tips || []) {
      const li = document.createElement("li");
      li.textContent = tip;
      list.append(li);
    }
    list.hidden = !(tips && tips.length);
    byId("fail-detail").textContent = detail ? String(detail) : "";
    byId("fail").hidden = false;
  }
  byId("fail-reload").addEventListener("click", () => location.reload());

  // alive restarts the stall timer; stalled is what the status line says if
  // nothing else happens within stallMs.
  let stallTimer = 0;
  function alive(stalled) {
    clearTimeout(stallTimer);
    delete body.dataset.stalled;
    stallTimer = setTimeout(() => {
      if (!failed && body.dataset.state === "loading") {
        loadStatus.textContent = stalled;
        body.dataset.stalled = "1";
      }
    }, stallMs);
  }
  const noData = "Nothing has arrived for 10 seconds. Check your internet connection, or reload the page.";

  function megabytes(n) { return (n / 1e6).toFixed(1) + " MB"; }

  // showProgress moves the bar; total 0 means the size is unknown.
  // 100% is reached only once every byte has arrived.
  function showProgress(loaded, total, verb) {
    if (total > 0) {
      const p = loaded >= total ? 100 : Math.floor(loaded * 100 / total);
      barFill.style.width = p + "%";
      percent.textContent = p + "%";
      bar.setAttribute("aria-valuenow", String(p));
      loadStatus.textContent = verb + "… " + megabytes(Math.min(loaded, total)) + " of " + megabytes(total);
    } else {
      bar.classList.add("indeterminate");
      bar.removeAttribute("aria-valuenow");
      percent.textContent = megabytes(loaded);
      loadStatus.textContent = verb + "…";
    }
  }

  function finishProgress(status) {
    bar.classList.remove("indeterminate");
    barFill.style.width = "100%";
    percent.textContent = "100%";
    bar.setAttribute("aria-valuenow", "100");
    loadStatus.textContent = status;
  }

  // countBytes reads a stream to its end, showing each chunk on the bar.
  async function countBytes(stream, total, verb) {
    const reader = stream.getReader();
    let loaded = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      loaded += value.byteLength;
      showProgress(loaded, total, verb);
      alive(noData);
    }
    finishProgress("Starting…");
    alive("Descent has not drawn its first frame after 10 seconds. It may still start; if it does not, reload the page.");
  }

  function hasWebGL2() {
    try {
      const gl = document.createElement("canvas").getContext("webgl2");
      if (!gl) return false;
      const lose = gl.getExtension("WEBGL_lose_context");
      if (lose) lose.loseContext(); // browsers cap live contexts; give this one back
      return true;
    } catch (e) {
      return false;
    }
  }

  class LoadError extends Error {
    constructor(message, detail, tips) {
      super(message);
      this.detail = detail;
      this.tips = tips;
    }
  }

  function detailOf(e) {
    if (e instanceof Error) return e.name + ": " + e.message;
    return String(e);
  }

  // A sandboxed iframe without allow-same-origin, or a file:// page, has an opaque origin.
  const opaqueOrigin = self.origin === "null";
  const sandboxAdvice = "The page embedding Descent must add allow-same-origin to the iframe's sandbox attribute " +
    "(sandbox=\"allow-scripts allow-same-origin\"), or its server must send Access-Control-Allow-Origin for Descent's files.";

  // manifest describes the program: the build writes it into the page as a
  // data block (no request, so an opaque origin needs none), and beside it as
  // manifest.json for pages that lack it.
  async function manifest() {
    const block = byId("descent-manifest");
    if (block && block.textContent.trim()) return JSON.parse(block.textContent);
    const res = await fetch("manifest.json", { cache: "no-cache" });
    if (!res.ok) throw new Error("GET manifest.json: HTTP " + res.status);
    return res.json();
  }

  // embeddedProgram unpacks the gzip-compressed, base64-encoded program that
  // descent.html carries, counting the decompressed bytes on the bar.
  async function embeddedProgram(block, m, importObject) {
    if (typeof DecompressionStream !== "function") {
      throw new LoadError("This browser is too old to open Descent from a file. Update it, or open this page in a recent Firefox, Chrome, Edge or Safari.",
        "missing DecompressionStream");
    }
    const text = block.textContent.replace(/\s+/g, "");
    const packed = typeof Uint8Array.fromBase64 === "function" ? Uint8Array.fromBase64(text) : Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
    const [forCompiler, forBar] = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip")).tee();
    const counted = countBytes(forBar, m.wasmBytes, "Unpacking");
    const source = new Response(forCompiler, { headers: { "Content-Type": "application/wasm" } });
    try {
      const [result] = await Promise.all([WebAssembly.instantiateStreaming(source, importObject), counted]);
      return result.instance;
    } catch (e) {
      throw new LoadError("This copy of Descent is damaged or this browser could not start it. Get a fresh copy of the file, or update the browser.", e);
    }
  }

  // downloadedProgram fetches the program named in the manifest. The fetch's
  // own Response goes to the compiler, so the browser can cache the compiled
  // code for the next visit (the name is content-hashed and cached for good);
  // a clone of it is counted for the bar, in decompressed bytes, since
  // Content-Length, when sent, counts compressed ones.
  async function downloadedProgram(m, importObject, signal) {
    const name = typeof m.wasm === "string" && m.wasm ? m.wasm : "main.wasm";
    const total = Number.isFinite(m.wasmBytes) && m.wasmBytes > 0 ? m.wasmBytes : 0;
    showProgress(0, total, "Downloading");
    let res;
    try {
      res = await fetch(name, { signal });
    } catch (e) {
      if (opaqueOrigin) throw new LoadError("Descent cannot download its program inside this frame.", e, [sandboxAdvice]);
      throw new LoadError("Descent could not be downloaded. Check your internet connection, then reload the page.", e);
    }
    if (!res.ok) {
      throw new LoadError("Descent could not be downloaded: the server did not send the program. Reload the page; if it keeps happening, the site may be incomplete.",
        "GET " + name + ": HTTP " + res.status + " " + res.statusText);
    }
    const counted = countBytes(res.clone().body, total, "Downloading");
    try {
      const [result] = await Promise.all([WebAssembly.instantiateStreaming(res, importObject), counted]);
      return result.instance;
    } catch (e) {
      throw new LoadError("Descent was downloaded, but this browser could not start it. Updating the browser may help; otherwise, reload the page.", e);
    }
  }

  // Context loss. ebiten v2.8.8 answers a lost WebGL context by reloading the
  // page: it cannot rebuild its GPU state in a browser. The hash keeps the
  // setup and the cache keeps the program; this keeps the race. Just before
  // ebiten's own listener on the canvas reloads, the step reached and whether
  // it was paused go to sessionStorage, and once the program is back the steps
  // are replayed (the race is deterministic: the same steps give the same
  // runners and trails).
  const lostContextKey = "descent:lost-context";
  addEventListener("webglcontextlost", () => {
    try {
      if (body.dataset.state !== "ready") return;
      const st = window.descent.state();
      sessionStorage.setItem(lostContextKey, JSON.stringify({ hash: st.hash, step: st.step, paused: st.paused }));
    } catch (e) {
      // No storage here (an opaque origin, say): the race starts over.
    }
  }, true);

  // savedRace is what a lost context left, read at once (the storage's first
  // use costs some 10 ms, better spent while the program downloads). It is
  // removed only once the program has started, so a reload after a failed
  // start can still resume.
  function savedRace() {
    try {
      return JSON.parse(sessionStorage.getItem(lostContextKey));
    } catch (e) {
      return null;
    }
  }

  function resumeAfterContextLoss(saved) {
    if (!saved) return;
    try {
      sessionStorage.removeItem(lostContextKey);
    } catch (e) {
      // No storage after all: nothing to remove.
    }
    if (!Number.isInteger(saved.step) || saved.hash !== window.descent.state().hash) return;
    window.descent.pause();
    const ahead = saved.step - window.descent.state().step;
    if (ahead > 0) window.descent.step(ahead);
    if (!saved.paused) window.descent.play();
  }

  // waitForDescent resolves once the Go program's first frame is drawn. The
  // program creates window.descent before go.run returns, so it is looked for
  // at once (polling for it cost up to 50 ms of start-up), and then every 50 ms
  // in case it is late; it gives up when the program exits.
  function waitForDescent(exited) {
    return new Promise((resolve, reject) => {
      const look = () => {
        if (exited()) {
          clearInterval(timer);
          reject(new LoadError("Descent stopped before it could start. Reload the page to try again."));
        } else if (window.descent && window.descent.ready) {
          clearInterval(timer);
          Promise.resolve(window.descent.ready).then(resolve, (e) =>
            reject(new LoadError("Descent could not start. Reload the page to try again.", detailOf(e))));
        }
      };
      const timer = setInterval(look, 50);
      look();
    });
  }

  async function main() {
    alive("Descent has not started after 10 seconds. Reload the page; if it keeps happening, this browser or network may be blocking it.");
    const embedded = byId("descent-wasm");
    if (location.protocol === "file:" && !embedded) {
      fail("This copy of Descent has to be opened through a web server. The single file descent.html opens straight from disk.", "",
        ["From the project folder, run: go run ./build serve — then open http://127.0.0.1:8080/",
         "Or run: go run ./build single — and open dist/descent.html"]);
      return;
    }
    if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiateStreaming !== "function" || typeof TransformStream !== "function") {
      fail("This browser is too old to run Descent. Update it, or open this page in a recent Firefox, Chrome, Edge or Safari.",
        "missing WebAssembly.instantiateStreaming or TransformStream");
      return;
    }
    if (typeof Go !== "function") {
      fail("A file Descent needs could not be loaded. Reload the page; if it keeps happening, the site may be incomplete.",
        "wasm_exec.js did not load");
      return;
    }

    let m;
    try {
      m = await manifest();
    } catch (e) {
      if (opaqueOrigin) throw new LoadError("Descent cannot read its files inside this frame.", e, [sandboxAdvice]);
      throw new LoadError("Descent could not be downloaded. Check your internet connection, then reload the page.", e);
    }

    const go = new Go();
    // Keep the end of what the program writes to stderr (a panic's message and
    // stack) to show if it exits with an error; it still reaches the console.
    let stderrTail = "";
    const decoder = new TextDecoder();
    const writeSync = globalThis.fs.writeSync.bind(globalThis.fs);
    globalThis.fs.writeSync = (fd, buf) => {
      if (fd === 2) stderrTail = (stderrTail + decoder.decode(buf, { stream: true })).slice(-4000);
      return writeSync(fd, buf);
    };
    let exitCode = null;
    const exit = go.exit;
    go.exit = (code) => {
      exitCode = code;
      exit.call(go, code);
    };

    performance.mark("descent:fetch");
    // The program downloads and compiles on other threads while this one
    // checks WebGL2 (a test context costs some 250 ms in software); without
    // WebGL2 the download is abandoned.
    const abort = new AbortController();
    const program = embedded ? embeddedProgram(embedded, m, go.importObject) : downloadedProgram(m, go.importObject, abort.signal);
    if (!hasWebGL2()) {
      abort.abort();
      program.catch(() => {}); // abandoned: its failure is no news
      fail("Descent needs WebGL2, which this browser or device has turned off or does not support.", "",
        ["Turn on hardware (graphics) acceleration in your browser's settings, then restart the browser.",
         "Update your browser, or open this page in a recent Firefox, Chrome, Edge or Safari.",
         "On a work or school computer, graphics may be blocked by its settings: try another device."]);
      body.dataset.error = "webgl2";
      return;
    }
    const saved = savedRace();
    const instance = await program;
    performance.mark("descent:compiled"); // the marks let build bench and the tests time each phase
    let exited = false;
    go.run(instance).then(() => {
      exited = true;
      if (exitCode) {
        fail("Descent stopped because of an internal error. Reloading the page usually helps; if it happens again, please report it with the details below.",
          ("exit code " + exitCode + "\n" + stderrTail).trim());
      }
    }, (e) => {
      exited = true;
      fail("Descent stopped because of an internal error. Reloading the page usually helps; if it happens again, please report it with the details below.",
        (detailOf(e) + "\n" + stderrTail).trim());
    });
    await waitForDescent(() => exited);
    if (failed) return;
    resumeAfterContextLoss(saved);
    clearTimeout(stallTimer);
    delete body.dataset.stalled;
    performance.mark("descent:ready");
    byId("loader").hidden = true;
    body.dataset.state = "ready";
  }

  main().catch((e) => {
    if (e instanceof LoadError) {
      fail(e.message, e.detail === undefined ? "" : detailOf(e.detail), e.tips);
    } else {
      fail("Descent could not start. Reload the page to try again.", detailOf(e));
    }
  });
})();
