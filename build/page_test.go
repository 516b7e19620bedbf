//go:build !(js && wasm)

package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The policy issue 11 asks for, word for word: the page must run under it.
func TestServedPolicyIsTheStrictOne(t *testing.T) {
	got := servedPolicy()
	for _, want := range []string{
		"default-src 'self'",
		"script-src 'self' 'wasm-unsafe-eval'",
		"style-src 'self' 'unsafe-inline'",
		"object-src 'none'",
		"base-uri 'none'",
	} {
		if !strings.Contains(got, want+";") && !strings.HasSuffix(got, want) {
			t.Errorf("policy %q lacks %q", got, want)
		}
	}
	for _, never := range []string{"'unsafe-inline' 'wasm", "script-src 'self' 'unsafe-inline'", "'unsafe-eval'", "*"} {
		if strings.Contains(got, never) {
			t.Errorf("policy %q contains %q", got, never)
		}
	}
}

// The README tells embedding sites the policy: it must be the one served.
func TestREADMEGivesTheServedPolicy(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(readme, []byte(servedPolicy())) {
		t.Errorf("README.md does not quote the served policy %q", servedPolicy())
	}
}

func TestIsWasmName(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"main.0123456789abcdef.wasm", true},
		{wasmName("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"), true},
		{"main.wasm", false},
		{"main.0123456789ABCDEF.wasm", false}, // wasmName writes lower case
		{"main.0123456789abcde.wasm", false},  // one digit short
		{"main.0123456789abcdef0.wasm", false},
		{"main.0123456789abcdeg.wasm", false},
		{"main.0123456789abcdef.wasm.br", false}, // a twin, not the program
		{"other.0123456789abcdef.wasm", false},
		{"index.html", false},
	}
	for _, tt := range tests {
		if got := isWasmName(tt.name); got != tt.want {
			t.Errorf("isWasmName(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestCacheControl(t *testing.T) {
	hashed := "main.0123456789abcdef.wasm"
	tests := []struct{ name, want string }{
		{hashed, cacheForever},
		{hashed + gzipSuffix, cacheForever},
		{hashed + brotliSuffix, cacheForever},
		{"main.wasm", cacheRevalidate}, // an unhashed name may change under the same name
		{indexFile, cacheRevalidate},
		{"", cacheRevalidate},
		{loaderFile, cacheRevalidate},
		{wasmExecFile, cacheRevalidate},
		{manifestFile, cacheRevalidate},
	}
	for _, tt := range tests {
		if got := cacheControl(tt.name); got != tt.want {
			t.Errorf("cacheControl(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// Every response of build serve, whatever its status, carries the site's headers.
func TestHandlerSendsSiteHeaders(t *testing.T) {
	dist, _, m := fakeDist(t)
	h := newHandler(dist)
	for _, tt := range []struct {
		method, path, cache string
		status              int
	}{
		{http.MethodGet, "/", cacheRevalidate, http.StatusOK},
		{http.MethodGet, "/" + indexFile, cacheRevalidate, http.StatusOK},
		{http.MethodGet, "/" + m.Wasm, cacheForever, http.StatusOK},
		{http.MethodGet, "/missing.js", cacheRevalidate, http.StatusNotFound},
		{http.MethodPost, "/", cacheRevalidate, http.StatusMethodNotAllowed},
	} {
		res := serve(h, tt.method, tt.path, http.Header{"Accept-Encoding": {"br"}}).Result()
		if res.StatusCode != tt.status {
			t.Errorf("%s %s: status %d, want %d", tt.method, tt.path, res.StatusCode, tt.status)
		}
		for _, want := range append(siteHeaders(), header{"Cache-Control", tt.cache}) {
			if got := res.Header.Values(want.name); len(got) != 1 || got[0] != want.value {
				t.Errorf("%s %s: %s = %q, want once %q", tt.method, tt.path, want.name, got, want.value)
			}
		}
	}
}

func TestHeadersFileNamesEveryFile(t *testing.T) {
	m := manifest{Wasm: "main.0123456789abcdef.wasm"}
	text := string(headersFileText(m))
	// Netlify and Cloudflare Pages: a path at the start of a line, then indented "Name: value" lines.
	rule := regexp.MustCompile(`(?m)^(/\S*)\n((?:  [^\n]+\n)+)`)
	rules := map[string]string{}
	for _, r := range rule.FindAllStringSubmatch(text, -1) {
		rules[r[1]] = r[2]
	}
	for _, h := range siteHeaders() {
		if want := "  " + h.name + ": " + h.value + "\n"; !strings.Contains(rules["/*"], want) {
			t.Errorf("rule /* lacks %q in\n%s", want, text)
		}
	}
	for _, tt := range []struct{ path, cache string }{
		{"/", cacheRevalidate},
		{"/" + indexFile, cacheRevalidate},
		{"/" + loaderFile, cacheRevalidate},
		{"/" + m.Wasm, cacheForever},
		{"/" + m.Wasm + brotliSuffix, cacheForever},
	} {
		if want := "  Cache-Control: " + tt.cache + "\n"; rules[tt.path] != want {
			t.Errorf("rule %s is %q, want %q", tt.path, rules[tt.path], want)
		}
	}
	if strings.Contains(rules["/*"], "Cache-Control") {
		t.Errorf("rule /* sets Cache-Control: hosts would join it with each file's own")
	}
}

func TestStampPage(t *testing.T) {
	tests := []struct {
		name, index, want string
		wantErr           bool
	}{
		{"marker line", "<head>\n<!-- descent:build (here) -->\n<title>", "<head>\nHEAD\n<title>", false},
		{"no marker", "<head><title>", "", true},
		{"unclosed marker", "<head><!-- descent:build", "", true},
	}
	for _, tt := range tests {
		got, err := stampPage([]byte(tt.index), "HEAD")
		if (err != nil) != tt.wantErr || string(got) != tt.want {
			t.Errorf("%s: got %q, %v; want %q, error %v", tt.name, got, err, tt.want, tt.wantErr)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "build: ") {
			t.Errorf("%s: error %q is not prefixed with the package", tt.name, err)
		}
	}
}

// The real index.html: its marker is replaced, its scripts are files, and no
// inline script or event handler is left for the policy to refuse.
func TestIndexHasNoInlineScript(t *testing.T) {
	index, err := os.ReadFile("../" + indexFile)
	if err != nil {
		t.Fatal(err)
	}
	page, err := stampPage(index, policyMeta(servedPolicy()))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range regexp.MustCompile(`<script[^>]*>`).FindAllString(string(page), -1) {
		if !strings.Contains(s, ` src="`) {
			t.Errorf("inline script %s in index.html", s)
		}
	}
	if h := regexp.MustCompile(`(?i)\son[a-z]+\s*=`).FindString(string(page)); h != "" {
		t.Errorf("inline event handler %q in index.html", h)
	}
	if !bytes.Contains(page, []byte(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;;`)) {
		t.Errorf("stamped index.html has no policy meta")
	}
}

// removeStalePrograms keeps the current program and its twins and nothing of older builds.
func TestRemoveStalePrograms(t *testing.T) {
	dist := t.TempDir()
	current, old := "main.0123456789abcdef.wasm", "main.fedcba9876543210.wasm"
	files := []string{current, current + gzipSuffix, current + brotliSuffix, old, old + gzipSuffix, old + brotliSuffix,
		"main.wasm", "main.wasm.br", indexFile, "notes.wasm.txt"}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dist, f), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := removeStalePrograms(dist, current); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dist)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	want := []string{indexFile, current, current + brotliSuffix, current + gzipSuffix, "notes.wasm.txt"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("left %q, want %q", got, want)
	}
}

// The manifest block is JSON the loader can read, naming the program.
func TestManifestBlock(t *testing.T) {
	m := manifest{Wasm: "main.0123456789abcdef.wasm", WasmBytes: 10}
	block, err := manifestBlock(m)
	if err != nil {
		t.Fatal(err)
	}
	inner, ok := strings.CutPrefix(block, `<script type="application/json" id="`+manifestBlockID+`">`)
	inner, ok2 := strings.CutSuffix(inner, "</script>")
	var back manifest
	if !ok || !ok2 || json.NewDecoder(strings.NewReader(inner)).Decode(&back) != nil || back != m {
		t.Errorf("block %q does not carry %+v", block, m)
	}
}
