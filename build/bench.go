//go:build !(js && wasm)

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"slices"
	"time"

	"github.com/chromedp/chromedp"
)

// benchViewport is the page size of every measurement.
const benchW, benchH = 1280, 720

// runBench measures what the budgets are about, against a minimal ebiten app
// built with the same flags: main.wasm's compressed sizes, navigation to first
// frame in headless Chromium, and Update/Draw times from window.descent.metrics().
func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	runs := fs.Int("runs", 7, "page loads per app")
	seconds := fs.Float64("seconds", 5, "seconds the race runs before metrics() is read")
	best := fs.Bool("best", true, "measure the release build (brotli quality 11)")
	trajSteps := fs.Int("steps", 20000, "steps of each optimizer's trajectory() on Rosenbrock")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	path := chromiumPath()
	if path == "" {
		return fmt.Errorf("build bench: no Chromium found: apt-get install chromium")
	}
	apps := []struct{ name, pkg string }{{"minimal ebiten", "./build/testdata/minimal"}, {"descent", defaultPackage}}
	type result struct {
		m     manifest
		ready []float64
	}
	results := make([]result, len(apps))
	browser, stop, err := startChromium(path)
	if err != nil {
		return err
	}
	defer stop()
	var metrics benchMetrics
	var throughput []optimizerThroughput
	urls := make([]string, len(apps))
	for i, app := range apps {
		dist, err := os.MkdirTemp("", "descent-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dist)
		m, err := buildDist(buildOptions{Dist: dist, Package: app.pkg, BestCompression: *best, Progress: io.Discard})
		if err != nil {
			return err
		}
		results[i].m = m
		srv := httptest.NewServer(newHandler(dist))
		defer srv.Close()
		urls[i] = srv.URL + "/"
	}
	// Loads alternate between the apps, after one unmeasured round that warms
	// the browser, so that neither pays for a cold start or a busy moment alone.
	for r := -1; r < *runs; r++ {
		for i, app := range apps {
			ms, err := loadOnce(browser, urls[i])
			if err != nil {
				return fmt.Errorf("%s: %w", app.name, err)
			}
			if r >= 0 {
				results[i].ready = append(results[i].ready, ms)
			}
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	if metrics, err = raceMetrics(browser, urls[1], *seconds); err != nil {
		return err
	}
	if throughput, err = trajectoryThroughput(browser, urls[1], *trajSteps); err != nil {
		return err
	}

	base, ours := results[0], results[1]
	ratio := func(a, b float64) string { return fmt.Sprintf("%.2f×", a/b) }
	fmt.Fprintf(stdout, "%-26s %14s %14s %8s\n", "", apps[0].name, apps[1].name, "ratio")
	row := func(name string, a, b float64, unit string) {
		fmt.Fprintf(stdout, "%-26s %12.0f%-2s %12.0f%-2s %8s\n", name, a, unit, b, unit, ratio(b, a))
	}
	row("main.wasm raw", float64(base.m.WasmBytes), float64(ours.m.WasmBytes), " B")
	row("main.wasm gzip", float64(base.m.GzipBytes), float64(ours.m.GzipBytes), " B")
	row("main.wasm brotli", float64(base.m.BrotliBytes), float64(ours.m.BrotliBytes), " B")
	row("navigation→ready (median)", median(base.ready), median(ours.ready), "ms")
	fmt.Fprintf(stdout, "\nDescent over %.0f s at the default race (headless Chromium, SwiftShader):\n", *seconds)
	fmt.Fprintf(stdout, "  Update  p50 %.3f ms  p95 %.3f ms  (%d updates)\n", metrics.UpdateMs.P50, metrics.UpdateMs.P95, metrics.Updates)
	fmt.Fprintf(stdout, "  Draw    p50 %.3f ms  p95 %.3f ms  (%d draws)\n", metrics.DrawMs.P50, metrics.DrawMs.P95, metrics.Draws)
	fmt.Fprintf(stdout, "  fps %.1f  tps %.1f  heap %.1f MB\n", metrics.FPS, metrics.TPS, metrics.HeapBytes/1e6)
	fmt.Fprintf(stdout, "  draws while paused for 2 s: %d\n", metrics.pausedDraws)
	fmt.Fprintf(stdout, "\ndescent.trajectory() on Rosenbrock, %d steps each, in the browser:\n", *trajSteps)
	fmt.Fprintf(stdout, "  %-10s %14s %12s\n", "optimizer", "steps/s", "µs/step")
	for _, o := range throughput {
		fmt.Fprintf(stdout, "  %-10s %14.0f %12.3f\n", o.Name, o.StepsPerSec, 1e6/o.StepsPerSec)
	}
	return nil
}

type optimizerThroughput struct {
	Name        string  `json:"name"`
	StepsPerSec float64 `json:"stepsPerSec"`
}

// trajectoryThroughput times descent.trajectory for every optimizer on
// Rosenbrock from its default start: the optimizer's step, the exact gradient
// and the status checks, plus the conversion of the path to JS.
func trajectoryThroughput(browser context.Context, url string, steps int) ([]optimizerThroughput, error) {
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"#paused=1")); err != nil {
		return nil, err
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[float64](waitReadyJS, chromedp.EvalAwaitPromise)); err != nil {
		return nil, err
	}
	return chromedp.Run(ctx, chromedp.Evaluate[[]optimizerThroughput](fmt.Sprintf(`descent.optimizers().map(o => {
		const spec = {problem: "rosenbrock", optimizer: o.name, steps: %d, params: {lr: 1e-4}};
		descent.trajectory(spec); // warm up
		const t0 = performance.now();
		const r = descent.trajectory(spec);
		const ms = performance.now() - t0;
		return {name: o.name, stepsPerSec: (r.points.length - 1) / ms * 1000};
	})`, steps)))
}

// loadOnce opens url in a fresh tab and returns the milliseconds from navigation
// start to window.descent.ready.
func loadOnce(browser context.Context, url string) (float64, error) {
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	defer cancelT()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(benchW, benchH), chromedp.Navigate(url)); err != nil {
		return 0, err
	}
	ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](waitReadyJS, chromedp.EvalAwaitPromise))
	if err == nil && ms < 0 {
		err = fmt.Errorf("page did not become ready")
	}
	return ms, err
}

type percentiles struct {
	P50 float64 `json:"p50"`
	P95 float64 `json:"p95"`
}

type benchMetrics struct {
	FPS         float64     `json:"fps"`
	TPS         float64     `json:"tps"`
	UpdateMs    percentiles `json:"updateMs"`
	DrawMs      percentiles `json:"drawMs"`
	Updates     int         `json:"updates"`
	Draws       int         `json:"draws"`
	HeapBytes   float64     `json:"heapBytes"`
	pausedDraws int
}

// raceMetrics lets the default race run for seconds, reads metrics(), then
// pauses and counts the frames drawn in two idle seconds (there should be none).
func raceMetrics(browser context.Context, url string, seconds float64) (benchMetrics, error) {
	var m benchMetrics
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(benchW, benchH), chromedp.Navigate(url)); err != nil {
		return m, err
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[float64](waitReadyJS, chromedp.EvalAwaitPromise)); err != nil {
		return m, err
	}
	time.Sleep(time.Duration(seconds * float64(time.Second)))
	m, err := chromedp.Run(ctx, chromedp.Evaluate[benchMetrics]("descent.metrics()"))
	if err != nil {
		return m, err
	}
	idle, err := chromedp.Run(ctx, chromedp.Evaluate[int](`(async () => {
		descent.pause();
		await new Promise(r => setTimeout(r, 200));
		const before = descent.metrics().draws;
		await new Promise(r => setTimeout(r, 2000));
		return descent.metrics().draws - before;
	})()`, chromedp.EvalAwaitPromise))
	m.pausedDraws = idle
	return m, err
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}
