//go:build !(js && wasm)

package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/andybalholm/brotli"
)

// Names of the files buildDist writes into the dist directory, besides the
// program itself (see wasmName).
const (
	manifestFile     = "manifest.json"
	indexFile        = "index.html"
	loaderFile       = "loader.js"
	shareFile        = "share.js"
	wasmExecFile     = "wasm_exec.js"
	headersFile      = "_headers"
	embedExampleFile = "embed-example.html"
	singleFile       = "descent.html"
)

// Suffixes of the program's precompressed twins: main.<hash>.wasm.gz and .br.
const (
	gzipSuffix   = ".gz"
	brotliSuffix = ".br"
)

// wasmHashLen is how many hex digits of the program's SHA-256 its file name
// carries: 64 bits, plenty to tell builds apart.
const wasmHashLen = 16

// wasmName is the program's content-hashed file name, main.<hash>.wasm: a new
// build gets a new name, so browsers may cache each one for good.
func wasmName(sha256Hex string) string {
	return "main." + sha256Hex[:wasmHashLen] + ".wasm"
}

// isWasmName reports whether name is one wasmName could have made.
func isWasmName(name string) bool {
	hash, okPrefix := strings.CutPrefix(name, "main.")
	hash, okSuffix := strings.CutSuffix(hash, ".wasm")
	if !okPrefix || !okSuffix || len(hash) != wasmHashLen {
		return false
	}
	for _, c := range hash {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// defaultPackage is the Go package compiled to main.wasm, relative to the module root.
const defaultPackage = "./wasm"

// defaultDist is the output directory, relative to the module root.
const defaultDist = "dist"

// Compression levels. Brotli's fast default takes about a second on a 10 MB
// module, its best (the release build) about 20 s for a few percent less.
// gzip -9 takes 2.2 s for 0.7% less than -6 at 0.6 s (measured on main.wasm).
const (
	brotliFastQuality = 6
	brotliBestQuality = brotli.BestCompression
	gzipFastLevel     = 6 // what gzip.DefaultCompression means
	gzipBestLevel     = gzip.BestCompression
)

// buildOptions configures buildDist. The zero value builds ./wasm into
// <module root>/dist with fast brotli compression and reports progress on stderr.
type buildOptions struct {
	// Dist is the output directory; created if missing. Empty means "dist".
	// A relative path is taken from the module root, not the working directory.
	Dist string
	// BestCompression selects brotli quality 11 and gzip -9 instead of 6 and -6.
	BestCompression bool
	// Package is the package to compile, as given to go build from the module root.
	// Empty means "./wasm".
	Package string
	// Progress receives one line per step. Nil means os.Stderr.
	Progress io.Writer
}

// manifest describes a build of main.wasm. It is written to dist/manifest.json
// so that the page can show true download progress: the browser does not
// expose the decompressed length of a compressed response.
type manifest struct {
	Wasm        string `json:"wasm"` // the program's file name, wasmName of its hash
	WasmBytes   int64  `json:"wasmBytes"`
	WasmSHA256  string `json:"wasmSHA256"`
	GzipBytes   int64  `json:"gzipBytes"`
	BrotliBytes int64  `json:"brotliBytes"`
}

// toolchain is the go command on PATH and what it reports about this module.
type toolchain struct {
	goBin      string // absolute path of the go command
	goroot     string
	moduleRoot string // directory holding go.mod
}

// findToolchain locates the go command and asks it for GOROOT and the module root.
// The same go command later builds the wasm, so wasm_exec.js matches it.
func findToolchain() (toolchain, error) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		return toolchain{}, fmt.Errorf("build: no go command on PATH: %w", err)
	}
	out, err := exec.Command(goBin, "env", "GOROOT", "GOMOD").Output()
	if err != nil {
		return toolchain{}, fmt.Errorf("build: go env GOROOT GOMOD: %w", commandError(err))
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 2 {
		return toolchain{}, fmt.Errorf("build: go env GOROOT GOMOD printed %q, want two lines", out)
	}
	goroot, gomod := strings.TrimSpace(lines[0]), strings.TrimSpace(lines[1])
	if gomod == "" || gomod == os.DevNull {
		return toolchain{}, errors.New("build: not inside a Go module; run from the descent module (go run ./build)")
	}
	return toolchain{goBin: goBin, goroot: goroot, moduleRoot: filepath.Dir(gomod)}, nil
}

// distDir resolves a Dist option: empty means "dist", relative paths are
// taken from the module root.
func (tc toolchain) distDir(dist string) string {
	if dist == "" {
		dist = defaultDist
	}
	if filepath.IsAbs(dist) {
		return filepath.Clean(dist)
	}
	return filepath.Join(tc.moduleRoot, dist)
}

// buildDist compiles the wasm program and writes everything the page needs into
// opts.Dist: main.<hash>.wasm with its .gz and .br twins, manifest.json,
// index.html (carrying its Content-Security-Policy and the manifest),
// loader.js, wasm_exec.js, _headers and embed-example.html. The page is
// written last, so a server running on dist meanwhile serves either the old
// page with its old program or the new with the new; programs of older
// builds are then removed.
func buildDist(opts buildOptions) (manifest, error) {
	progress := opts.Progress
	if progress == nil {
		progress = os.Stderr
	}
	pkg := opts.Package
	if pkg == "" {
		pkg = defaultPackage
	}
	tc, err := findToolchain()
	if err != nil {
		return manifest{}, err
	}
	dist := tc.distDir(opts.Dist)
	if err := os.MkdirAll(dist, 0o755); err != nil {
		return manifest{}, fmt.Errorf("build: %w", err)
	}

	wasmTmp := filepath.Join(dist, "main.wasm.tmp")
	defer os.Remove(wasmTmp) // gone already after a successful build
	wasm, err := compileWasm(tc, pkg, wasmTmp, progress)
	if err != nil {
		return manifest{}, err
	}
	levels := compressionLevels{brotli: brotliFastQuality, gzip: gzipFastLevel}
	if opts.BestCompression {
		levels = compressionLevels{brotli: brotliBestQuality, gzip: gzipBestLevel}
	}
	m, err := compressWasm(dist, wasm, levels, progress)
	if err != nil {
		return manifest{}, err
	}
	if err := os.Rename(wasmTmp, filepath.Join(dist, m.Wasm)); err != nil {
		return manifest{}, fmt.Errorf("build: %w", err)
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return manifest{}, fmt.Errorf("build: %w", err)
	}
	if err := writeFileAtomic(filepath.Join(dist, manifestFile), append(data, '\n')); err != nil {
		return manifest{}, err
	}
	if err := writePage(tc, dist, m, progress); err != nil {
		return manifest{}, err
	}
	if err := removeStalePrograms(dist, m.Wasm); err != nil {
		return manifest{}, err
	}
	fmt.Fprintf(progress, "build: wrote %s\n", dist)
	return m, nil
}

// removeStalePrograms deletes the programs of earlier builds from dist (and
// main.wasm, of builds before names were hashed), keeping current and its twins.
func removeStalePrograms(dist, current string) error {
	entries, err := os.ReadDir(dist)
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	for _, e := range entries {
		name := e.Name()
		base := strings.TrimSuffix(strings.TrimSuffix(name, gzipSuffix), brotliSuffix)
		if base == current || !(isWasmName(base) || base == "main.wasm") {
			continue
		}
		if err := os.Remove(filepath.Join(dist, name)); err != nil {
			return fmt.Errorf("build: %w", err)
		}
	}
	return nil
}

// compileWasm runs go build for js/wasm from the module root, writing out, and
// returns the module's bytes.
func compileWasm(tc toolchain, pkg, out string, progress io.Writer) ([]byte, error) {
	fmt.Fprintf(progress, "build: compiling %s for js/wasm\n", pkg)
	start := time.Now()
	cmd := exec.Command(tc.goBin, "build", "-trimpath", "-ldflags=-s -w", "-o", out, pkg)
	cmd.Dir = tc.moduleRoot
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	var stderr bytes.Buffer
	cmd.Stdout = &stderr
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("build: go build %s failed: %w\n%s", pkg, err, bytes.TrimSpace(stderr.Bytes()))
	}
	wasm, err := os.ReadFile(out)
	if err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	fmt.Fprintf(progress, "build: %s %s in %s\n", pkg, formatBytes(int64(len(wasm))), since(start))
	return wasm, nil
}

// compressionLevels are the levels of the program's two twins.
type compressionLevels struct{ brotli, gzip int }

// compressWasm writes the gzip and brotli twins of wasm side by side (they take
// similar time, and there are two cores at least) and returns the manifest.
// Progress is written from this goroutine only, so any io.Writer will do.
func compressWasm(dist string, wasm []byte, levels compressionLevels, progress io.Writer) (manifest, error) {
	type result struct {
		name    string
		size    int64
		elapsed time.Duration
		err     error
	}
	compressors := []struct {
		suffix   string
		label    string
		compress func([]byte) ([]byte, error)
	}{
		{gzipSuffix, fmt.Sprintf("gzip level %d", levels.gzip), func(b []byte) ([]byte, error) { return gzipBytes(b, levels.gzip) }},
		{brotliSuffix, fmt.Sprintf("brotli -q %d", levels.brotli), func(b []byte) ([]byte, error) { return brotliBytes(b, levels.brotli) }},
	}
	sum := sha256.Sum256(wasm)
	m := manifest{WasmBytes: int64(len(wasm)), WasmSHA256: hex.EncodeToString(sum[:])}
	m.Wasm = wasmName(m.WasmSHA256)
	results := make(chan result, len(compressors))
	for _, c := range compressors {
		name := m.Wasm + c.suffix
		fmt.Fprintf(progress, "build: compressing %s (%s)\n", name, c.label)
		go func() {
			start := time.Now()
			data, err := c.compress(wasm)
			if err == nil {
				err = writeFileAtomic(filepath.Join(dist, name), data)
			}
			results <- result{name, int64(len(data)), since(start), err}
		}()
	}
	var errs []error
	for range compressors {
		r := <-results
		if r.err != nil {
			errs = append(errs, r.err)
			continue
		}
		fmt.Fprintf(progress, "build: %s %s, %.1f%% of the wasm, in %s\n",
			r.name, formatBytes(r.size), 100*float64(r.size)/float64(max(m.WasmBytes, 1)), r.elapsed)
		switch r.name {
		case m.Wasm + gzipSuffix:
			m.GzipBytes = r.size
		case m.Wasm + brotliSuffix:
			m.BrotliBytes = r.size
		}
	}
	if err := errors.Join(errs...); err != nil {
		return manifest{}, err
	}
	return m, nil
}

func gzipBytes(data []byte, level int) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, level)
	if err != nil {
		return nil, fmt.Errorf("build: gzip: %w", err)
	}
	if _, err := zw.Write(data); err != nil {
		return nil, fmt.Errorf("build: gzip: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("build: gzip: %w", err)
	}
	return buf.Bytes(), nil
}

func brotliBytes(data []byte, quality int) ([]byte, error) {
	var buf bytes.Buffer
	bw := brotli.NewWriterLevel(&buf, quality)
	if _, err := bw.Write(data); err != nil {
		return nil, fmt.Errorf("build: brotli: %w", err)
	}
	if err := bw.Close(); err != nil {
		return nil, fmt.Errorf("build: brotli: %w", err)
	}
	return buf.Bytes(), nil
}

// copyFile copies src to dst through writeFileAtomic.
func copyFile(dst, src string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	return writeFileAtomic(dst, data)
}

// writeFileAtomic writes data beside name and renames it into place, so a
// server running on the same directory never sends a half-written file.
func writeFileAtomic(name string, data []byte) error {
	tmp := name + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	if err := os.Rename(tmp, name); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("build: %w", err)
	}
	return nil
}

// commandError adds the stderr of a failed command to its error.
func commandError(err error) error {
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) && len(exitErr.Stderr) > 0 {
		return fmt.Errorf("%w: %s", err, bytes.TrimSpace(exitErr.Stderr))
	}
	return err
}

// formatBytes prints a size in decimal units with the exact byte count.
func formatBytes(n int64) string {
	switch {
	case n >= 1e6:
		return fmt.Sprintf("%.2f MB (%d bytes)", float64(n)/1e6, n)
	case n >= 1e3:
		return fmt.Sprintf("%.1f kB (%d bytes)", float64(n)/1e3, n)
	}
	return fmt.Sprintf("%d bytes", n)
}

func since(start time.Time) time.Duration {
	return time.Since(start).Round(10 * time.Millisecond)
}
