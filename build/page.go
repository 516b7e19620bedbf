//go:build !(js && wasm)

package main

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// embedExample is dist/embed-example.html: the iframe we recommend to course sites.
//
//go:embed embed-example.html
var embedExample []byte

// contentSecurityPolicy is the policy the page runs under, given where its
// scripts may come from: no inline script anywhere, WebAssembly allowed to
// compile, styles inline (ebiten sizes its canvas through style attributes).
func contentSecurityPolicy(scriptSources ...string) string {
	return strings.Join([]string{
		"default-src 'self'",
		"script-src " + strings.Join(append(scriptSources, "'wasm-unsafe-eval'"), " "),
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data:",
		"object-src 'none'",
		"base-uri 'none'",
		"form-action 'none'",
	}, "; ")
}

// servedPolicy is the policy of the served page, whose scripts are its own files.
func servedPolicy() string { return contentSecurityPolicy("'self'") }

// header is one HTTP response header.
type header struct{ name, value string }

// siteHeaders are the headers every file of dist is served with, by build
// serve and, through _headers, by hosts that read it. Any origin may read the
// files: they are public, and a sandboxed iframe (an opaque origin) needs it.
func siteHeaders() []header {
	return []header{
		{"Content-Security-Policy", servedPolicy()},
		{"X-Content-Type-Options", "nosniff"},
		{"Referrer-Policy", "no-referrer"},
		{"Access-Control-Allow-Origin", "*"},
	}
}

// Cache-Control values: a content-hashed program never changes, so it is
// cached for a year without asking; everything else is revalidated each time.
const (
	cacheForever    = "public, max-age=31536000, immutable"
	cacheRevalidate = "no-cache"
)

// cacheControl is the Cache-Control of the file name in dist.
func cacheControl(name string) string {
	if isWasmName(strings.TrimSuffix(strings.TrimSuffix(name, gzipSuffix), brotliSuffix)) {
		return cacheForever
	}
	return cacheRevalidate
}

// buildMarker starts the line of index.html that the build replaces with the
// page's Content-Security-Policy and manifest.
const buildMarker = "<!-- descent:build"

// Data blocks the loader reads: JSON and base64 text that no browser runs.
const (
	manifestBlockID = "descent-manifest"
	wasmBlockID     = "descent-wasm"
)

// stampPage returns index with its build marker line replaced by head.
func stampPage(index []byte, head string) ([]byte, error) {
	start := bytes.Index(index, []byte(buildMarker))
	if start < 0 {
		return nil, fmt.Errorf("build: %s has no %q line for the Content-Security-Policy and manifest", indexFile, buildMarker+" … -->")
	}
	end := bytes.Index(index[start:], []byte("-->"))
	if end < 0 {
		return nil, fmt.Errorf("build: %s: the %q comment is not closed", indexFile, buildMarker)
	}
	end += start + len("-->")
	var b bytes.Buffer
	b.Write(index[:start])
	b.WriteString(head)
	b.Write(index[end:])
	return b.Bytes(), nil
}

// policyMeta is the <meta http-equiv> fallback for hosts that cannot send headers.
func policyMeta(policy string) string {
	return `<meta http-equiv="Content-Security-Policy" content="` + html.EscapeString(policy) + `">`
}

// manifestBlock is the manifest as a data block of the page.
func manifestBlock(m manifest) (string, error) {
	data, err := json.Marshal(m)
	if err != nil {
		return "", fmt.Errorf("build: %w", err)
	}
	return `<script type="application/json" id="` + manifestBlockID + `">` + string(data) + `</script>`, nil
}

// writePage writes the page's files into dist: index.html (its build marker
// replaced by the policy and the manifest), loader.js and wasm_exec.js,
// _headers and embed-example.html.
func writePage(tc toolchain, dist string, m manifest, progress io.Writer) error {
	for _, c := range []struct{ from, to string }{
		{filepath.Join(tc.moduleRoot, loaderFile), loaderFile},
		{filepath.Join(tc.moduleRoot, shareFile), shareFile},
		{filepath.Join(tc.goroot, "lib", "wasm", wasmExecFile), wasmExecFile},
	} {
		if err := copyFile(filepath.Join(dist, c.to), c.from); err != nil {
			return err
		}
	}
	if err := writeFileAtomic(filepath.Join(dist, headersFile), headersFileText(m)); err != nil {
		return err
	}
	if err := writeFileAtomic(filepath.Join(dist, embedExampleFile), embedExample); err != nil {
		return err
	}
	index, err := os.ReadFile(filepath.Join(tc.moduleRoot, indexFile))
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	block, err := manifestBlock(m)
	if err != nil {
		return err
	}
	page, err := stampPage(index, policyMeta(servedPolicy())+"\n"+block)
	if err != nil {
		return err
	}
	if err := writeFileAtomic(filepath.Join(dist, indexFile), page); err != nil {
		return err
	}
	fmt.Fprintf(progress, "build: wrote %s, %s, %s, %s, %s\n", indexFile, loaderFile, wasmExecFile, headersFile, embedExampleFile)
	return nil
}

// headersFileText is dist/_headers, in the format of Netlify and Cloudflare
// Pages: siteHeaders for every file, and each file's Cache-Control by exact
// path (rules that both match would join their values).
func headersFileText(m manifest) []byte {
	var b bytes.Buffer
	b.WriteString("# Response headers for hosts that read this file (Netlify, Cloudflare Pages); written by go run ./build.\n/*\n")
	for _, h := range siteHeaders() {
		fmt.Fprintf(&b, "  %s: %s\n", h.name, h.value)
	}
	for _, name := range []string{"", indexFile, loaderFile, shareFile, wasmExecFile, manifestFile, embedExampleFile,
		m.Wasm, m.Wasm + gzipSuffix, m.Wasm + brotliSuffix} {
		fmt.Fprintf(&b, "/%s\n  Cache-Control: %s\n", name, cacheControl(name))
	}
	return b.Bytes()
}

// writeSingle writes dist/descent.html: the page with its scripts inline and
// the program inside as base64 of its gzip twin, which the loader unpacks with
// DecompressionStream. It opens straight from disk (file://), with no server.
// Its Content-Security-Policy allows exactly its own inline scripts, by hash.
// dist must hold a build of m.
func writeSingle(tc toolchain, dist string, m manifest, progress io.Writer) (int64, error) {
	read := func(name string) ([]byte, error) {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("build: %w", err)
		}
		return data, nil
	}
	index, err := read(filepath.Join(tc.moduleRoot, indexFile))
	if err != nil {
		return 0, err
	}
	gz, err := read(filepath.Join(dist, m.Wasm+gzipSuffix))
	if err != nil {
		return 0, err
	}
	var hashes []string
	for _, name := range []string{wasmExecFile, loaderFile, shareFile} {
		from := filepath.Join(tc.moduleRoot, name)
		if name == wasmExecFile {
			from = filepath.Join(tc.goroot, "lib", "wasm", name)
		}
		script, err := read(from)
		if err != nil {
			return 0, err
		}
		if bytes.Contains(bytes.ToLower(script), []byte("</script")) {
			return 0, fmt.Errorf("build: %s contains </script and cannot be put inline in %s", name, singleFile)
		}
		tag := []byte(`<script src="` + name + `"></script>`)
		if bytes.Count(index, tag) != 1 {
			return 0, fmt.Errorf("build: %s must hold %s exactly once to make %s", indexFile, tag, singleFile)
		}
		index = bytes.Replace(index, tag, append(append([]byte("<script>"), script...), "</script>"...), 1)
		sum := sha256.Sum256(script)
		hashes = append(hashes, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
	}
	block, err := manifestBlock(m)
	if err != nil {
		return 0, err
	}
	head := policyMeta(contentSecurityPolicy(hashes...)) + "\n" + block + "\n" +
		`<script type="application/octet-stream" id="` + wasmBlockID + `">` + base64.StdEncoding.EncodeToString(gz) + `</script>`
	page, err := stampPage(index, head)
	if err != nil {
		return 0, err
	}
	if err := writeFileAtomic(filepath.Join(dist, singleFile), page); err != nil {
		return 0, err
	}
	fmt.Fprintf(progress, "build: wrote %s, %s\n", singleFile, formatBytes(int64(len(page))))
	return int64(len(page)), nil
}
