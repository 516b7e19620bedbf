// Descent's share and accessibility glue: the panel's Share buttons (copy a
// button's data-copy text; download descent.export of its data-export format),
// the plot's keyboard focus and name, and descentPNG, which composites the
// canvas with the text the Go side describes (the page's HTML text is not in
// the canvas). What to copy, export and draw is decided in Go; this file only
// talks to the browser. A file of its own: the page's CSP runs no inline script.
"use strict";
(() => {
  const byId = (id) => document.getElementById(id);

  // say puts a short status into the share buttons' polite live region.
  function say(text) {
    const el = byId("share-status");
    if (el) el.textContent = text;
  }

  async function copy(text) {
    try {
      await navigator.clipboard.writeText(text);
    } catch (e) {
      // Clipboard API refused (no permission, an insecure or sandboxed page):
      // the old way, through a selected text area.
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.append(area);
      area.select();
      const ok = document.execCommand("copy");
      area.remove();
      if (!ok) throw e;
    }
  }

  function download(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  const types = { csv: "text/csv", json: "application/json" };

  async function exportFile(format) {
    const answer = descent.export(format);
    if (answer && answer.error) throw new Error(answer.error);
    const blob = format === "png" ? await answer : new Blob([answer], { type: types[format] });
    download(blob, "descent-" + descent.state().problem + "." + format);
  }

  document.addEventListener("click", (e) => {
    const button = e.target.closest && e.target.closest("[data-copy], [data-export]");
    if (!button || !window.descent) return;
    if (button.dataset.copy !== undefined) {
      const what = button.id === "copy-embed" ? "Embed code" : "Link";
      copy(button.dataset.copy).then(() => say(what + " copied to the clipboard."),
        (err) => say(what + " could not be copied: " + err.message));
    } else {
      const f = button.dataset.export;
      exportFile(f).then(() => say(f.toUpperCase() + " downloaded."),
        (err) => say("The " + f.toUpperCase() + " could not be made: " + err.message));
    }
  });

  // The plot: ebiten's canvas, made a named, described, visibly focusable
  // control once it exists.
  function plot(canvas) {
    canvas.setAttribute("role", "application");
    canvas.setAttribute("aria-label", "Loss surface plot");
    canvas.setAttribute("aria-describedby", "plot-description");
  }
  // The plot's focus ring shows once the keyboard is used: ebiten focuses the
  // canvas from script at load, which the browser would otherwise ring.
  document.addEventListener("keydown", (e) => { if (e.key === "Tab") document.body.classList.add("keys"); });
  document.addEventListener("pointerdown", () => document.body.classList.remove("keys"));
  new MutationObserver((_, obs) => {
    const canvas = document.querySelector("body > canvas");
    if (canvas) {
      plot(canvas);
      obs.disconnect();
    }
  }).observe(document.body, { childList: true });

  // A WebGL canvas is cleared once the browser has shown it, unless its
  // context keeps its drawing buffer; ebiten draws from a goroutine at a time
  // no script can count on, and a paused page draws nothing new: so the
  // plot's context keeps its buffer (this script runs before the program
  // creates it), and an export reads the picture last shown.
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, attrs) {
    if (type === "webgl2" || type === "webgl") attrs = Object.assign({}, attrs, { preserveDrawingBuffer: true });
    return getContext.call(this, type, attrs);
  };

  // descentPNG(picture) is descent.export("png"): a Promise of a PNG Blob of
  // the canvas scaled by picture.scale, with the legend, the axes' labels and
  // the title drawn in. The canvas keeps its drawing buffer (above), so it is
  // read at once: no animation frame to wait for, which a throttled tab may
  // never give.
  window.descentPNG = (p) => new Promise((resolve, reject) => {
    try {
      const src = document.querySelector("body > canvas");
      const s = p.scale, k = p.dpr * s; // output pixels per CSS pixel
      const out = document.createElement("canvas");
      out.width = Math.round(src.width * s);
      out.height = Math.round(src.height * s);
      const g = out.getContext("2d");
      g.drawImage(src, 0, 0, out.width, out.height);
      const font = (px, weight) => (weight || "") + " " + px * k + "px system-ui, sans-serif";
      // Axes: labels along the bottom and left edges.
      g.font = font(11);
      g.fillStyle = "#f2f2f2";
      g.strokeStyle = "rgba(16,16,20,.9)";
      g.lineWidth = 3 * k;
      const label = (text, x, y) => { g.strokeText(text, x, y); g.fillText(text, x, y); };
      g.textAlign = "center";
      g.textBaseline = "bottom";
      for (const t of p.xTicks) label(t.label, t.pos * s, out.height - 4 * k);
      g.textAlign = "left";
      g.textBaseline = "middle";
      for (const t of p.yTicks) label(t.label, 4 * k, t.pos * s);
      // The legend, top left: title and step, formula, a row per runner.
      const pad = 8 * k, line = 18 * k;
      const lines = [p.title + "   " + p.step, p.formula].concat(p.rows.map((r) =>
        [r.name, r.params, r.loss, r.status].filter(Boolean).join("   ")));
      g.font = font(13);
      const w = Math.max(...lines.map((t) => g.measureText(t).width)) + 2 * pad + 16 * k;
      g.fillStyle = "rgba(16,16,20,.84)";
      g.fillRect(pad, pad, w, lines.length * line + 2 * pad);
      g.textBaseline = "middle";
      lines.forEach((text, i) => {
        const y = pad + pad + (i + 0.5) * line;
        let x = 2 * pad;
        g.font = font(i === 0 ? 14 : 13, i === 0 ? "600" : "");
        if (i >= 2) {
          g.fillStyle = p.rows[i - 2].color;
          // The ball's shape: its outline in [-1, 1]², or a circle.
          const o = p.rows[i - 2].outline, r = 5 * k;
          g.beginPath();
          if (o.length === 0) g.arc(x + r, y, r, 0, 2 * Math.PI);
          for (let j = 0; j < o.length; j += 2) g.lineTo(x + r + o[j] * r, y + o[j + 1] * r);
          g.fill();
          x += 16 * k;
        }
        g.fillStyle = i === 1 ? "#b8b8c0" : "#f2f2f2";
        g.fillText(text, x, y);
      });
      out.toBlob((b) => (b ? resolve(b) : reject(new Error("the browser made no PNG"))), "image/png");
    } catch (e) {
      reject(e);
    }
  });
})();
