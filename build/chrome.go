//go:build !(js && wasm)

package main

import (
	"context"
	"fmt"
	"os/exec"

	"github.com/chromedp/chromedp"
)

// chromiumPath finds the system browser, or returns "".
func chromiumPath() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// startChromium starts headless Chromium at path with software WebGL2
// (SwiftShader) and no background traffic; cancel stops it. A start that
// fails is tried twice more: on a loaded 2-core machine Chromium now and then
// fails to start in time, and one such start ended a ten-minute bench.
func startChromium(path string) (ctx context.Context, cancel func(), err error) {
	for range 3 {
		if ctx, cancel, err = startChromiumOnce(path); err == nil {
			return ctx, cancel, nil
		}
	}
	return nil, nil, err
}

func startChromiumOnce(path string) (ctx context.Context, cancel func(), err error) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Flag("use-angle", "swiftshader"),
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.Flag("disable-gpu", false),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	cancel = func() { cancelCtx(); cancelAlloc() }
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[int]("1")); err != nil {
		cancel()
		return nil, nil, fmt.Errorf("starting %s: %w", path, err)
	}
	return ctx, cancel, nil
}

// waitReadyJS resolves to performance.now() (ms since navigation started) once
// window.descent.ready has resolved and the page has hidden its loader, or to -1
// if the page reported an error or 60 s passed.
const waitReadyJS = `(async () => {
	for (let i = 0; i < 1200; i++) {
		const state = document.body && document.body.dataset.state; // no body yet while the page is parsed
		if (window.descent && state === "ready") { await window.descent.ready; return performance.now(); }
		if (state === "error") return -1;
		await new Promise(r => setTimeout(r, 5));
	}
	return -1;
})()`
