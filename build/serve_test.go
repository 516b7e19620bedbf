//go:build !(js && wasm)

package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// fakeWasm stands in for main.wasm: the real magic and version, then text that
// compresses like code does. The bytes are fixed, so every run sees the same files.
func fakeWasm() []byte {
	var b bytes.Buffer
	b.Write([]byte{0x00, 'a', 's', 'm', 0x01, 0x00, 0x00, 0x00})
	for i := range 4000 {
		fmt.Fprintf(&b, "func%d:%x;", i, i*i*2654435761)
	}
	return b.Bytes()
}

// fakeWasmName is the file name buildDist gives fakeWasm.
func fakeWasmName() string {
	sum := sha256.Sum256(fakeWasm())
	return wasmName(hex.EncodeToString(sum[:]))
}

// fakeDist writes a dist directory as buildDist would, without compiling
// anything, and returns its path, the wasm bytes and the manifest.
// Files named in omit are left out.
func fakeDist(t *testing.T, omit ...string) (string, []byte, manifest) {
	t.Helper()
	dist := filepath.Join(t.TempDir(), "dist")
	if err := os.Mkdir(dist, 0o755); err != nil {
		t.Fatal(err)
	}
	wasm := fakeWasm()
	m, err := compressWasm(dist, wasm, compressionLevels{brotli: brotliFastQuality, gzip: gzipFastLevel}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dist, m.Wasm), wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		indexFile:    "<!doctype html><title>fake</title>",
		wasmExecFile: "globalThis.Go = class {};",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dist, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dist, manifestFile), data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range omit {
		if err := os.Remove(filepath.Join(dist, name)); err != nil {
			t.Fatal(err)
		}
	}
	return dist, wasm, m
}

func decode(t *testing.T, coding string, body []byte) []byte {
	t.Helper()
	var r io.Reader
	switch coding {
	case "":
		return body
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("gzip body: %v", err)
		}
		r = zr
	case "br":
		r = brotli.NewReader(bytes.NewReader(body))
	default:
		t.Fatalf("unexpected Content-Encoding %q", coding)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("decoding %s body: %v", coding, err)
	}
	return out
}

func serve(h http.Handler, method, urlPath string, header http.Header) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, "/", nil)
	req.URL.Path = urlPath // set raw, so no client or parser cleans it first
	for k, v := range header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestHandlerNegotiatesWasmEncoding(t *testing.T) {
	tests := []struct {
		accept string
		omit   []string
		want   string // Content-Encoding; "" is identity
	}{
		{accept: "gzip, deflate, br, zstd", want: "br"}, // Chromium on localhost
		{accept: "gzip, deflate", want: "gzip"},         // Chromium on plain http elsewhere
		{accept: "", want: ""},
		{accept: "identity", want: ""},
		{accept: "BR", want: "br"},
		{accept: "*", want: "br"},
		{accept: "br;q=0, gzip", want: "gzip"},
		{accept: "gzip;q=0.5, br;q=0.1", want: "br"}, // any br is preferred: it is smaller
		{accept: "*;q=0.5, br;q=0", want: "gzip"},
		{accept: "br;q=0, gzip;q=0", want: ""},
		{accept: "deflate", want: ""},
		{accept: "gzip, br", omit: []string{brotliSuffix}, want: "gzip"},
		{accept: "gzip, br", omit: []string{brotliSuffix, gzipSuffix}, want: ""},
		{accept: "br", omit: []string{brotliSuffix}, want: ""},
	}
	for _, tt := range tests {
		name := fmt.Sprintf("%q without %v", tt.accept, tt.omit)
		t.Run(name, func(t *testing.T) {
			var omit []string
			for _, suffix := range tt.omit {
				omit = append(omit, fakeWasmName()+suffix)
			}
			dist, wasm, m := fakeDist(t, omit...)
			h := newHandler(dist)
			header := http.Header{}
			if tt.accept != "" {
				header.Set("Accept-Encoding", tt.accept)
			}
			for _, method := range []string{http.MethodGet, http.MethodHead} {
				rec := serve(h, method, "/"+m.Wasm, header)
				res := rec.Result()
				if res.StatusCode != http.StatusOK {
					t.Fatalf("%s: status %d, want 200", method, res.StatusCode)
				}
				for key, want := range map[string]string{
					"Content-Encoding": tt.want,
					"Content-Type":     "application/wasm",
					"Vary":             "Accept-Encoding",
					"Cache-Control":    "public, max-age=31536000, immutable", // a hashed name never changes
				} {
					if got := res.Header.Get(key); got != want {
						t.Errorf("%s: %s = %q, want %q", method, key, got, want)
					}
				}
				if method == http.MethodHead {
					if rec.Body.Len() != 0 {
						t.Errorf("HEAD: body has %d bytes, want none", rec.Body.Len())
					}
					continue
				}
				if got := decode(t, tt.want, rec.Body.Bytes()); !bytes.Equal(got, wasm) {
					t.Errorf("GET: decoded body has %d bytes, want the %d bytes of main.wasm", len(got), len(wasm))
				}
			}
		})
	}
}

// A cache revalidating one encoding must not be told it holds another.
func TestHandlerETagDiffersPerEncoding(t *testing.T) {
	dist, _, m := fakeDist(t)
	h := newHandler(dist)
	etags := map[string]string{}
	for _, accept := range []string{"br", "gzip", "identity"} {
		res := serve(h, http.MethodGet, "/"+m.Wasm, http.Header{"Accept-Encoding": {accept}}).Result()
		etag := res.Header.Get("ETag")
		if etag == "" {
			t.Fatalf("Accept-Encoding %q: no ETag", accept)
		}
		for other, seen := range etags {
			if seen == etag {
				t.Errorf("Accept-Encoding %q and %q share ETag %s", accept, other, etag)
			}
		}
		etags[accept] = etag

		again := serve(h, http.MethodGet, "/"+m.Wasm, http.Header{"Accept-Encoding": {accept}, "If-None-Match": {etag}})
		if again.Code != http.StatusNotModified {
			t.Errorf("Accept-Encoding %q with If-None-Match %s: status %d, want 304", accept, etag, again.Code)
		}
	}
}

func TestHandlerContentTypes(t *testing.T) {
	dist, _, _ := fakeDist(t)
	h := newHandler(dist)
	tests := []struct{ path, wantType, wantBodyPrefix string }{
		{"/", "text/html; charset=utf-8", "<!doctype html>"},
		{"/index.html", "text/html; charset=utf-8", "<!doctype html>"},
		{"/wasm_exec.js", "text/javascript; charset=utf-8", "globalThis.Go"},
		{"/manifest.json", "application/json", `{"wasm":`},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			rec := serve(h, http.MethodGet, tt.path, http.Header{"Accept-Encoding": {"gzip, br"}})
			res := rec.Result()
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d, want 200", res.StatusCode)
			}
			if got := res.Header.Get("Content-Type"); got != tt.wantType {
				t.Errorf("Content-Type = %q, want %q", got, tt.wantType)
			}
			if got := res.Header.Get("Content-Encoding"); got != "" {
				t.Errorf("Content-Encoding = %q, want none (only main.wasm is precompressed)", got)
			}
			if got := res.Header.Get("Cache-Control"); got != "no-cache" {
				t.Errorf("Cache-Control = %q, want no-cache", got)
			}
			if !strings.HasPrefix(rec.Body.String(), tt.wantBodyPrefix) {
				t.Errorf("body starts %.40q, want %q", rec.Body.String(), tt.wantBodyPrefix)
			}
		})
	}
}

func TestHandlerNotFoundAndMethods(t *testing.T) {
	dist, _, _ := fakeDist(t)
	if err := os.Mkdir(filepath.Join(dist, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	h := newHandler(dist)
	tests := []struct {
		method, path string
		want         int
	}{
		{http.MethodGet, "/missing.js", http.StatusNotFound},
		{http.MethodGet, "/sub", http.StatusNotFound}, // no directory listings
		{http.MethodGet, "/sub/", http.StatusNotFound},
		{http.MethodPost, "/index.html", http.StatusMethodNotAllowed},
		{http.MethodPut, "/" + fakeWasmName(), http.StatusMethodNotAllowed},
		{http.MethodHead, "/index.html", http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			rec := serve(h, tt.method, tt.path, nil)
			if rec.Code != tt.want {
				t.Errorf("status %d, want %d", rec.Code, tt.want)
			}
			if got := rec.Header().Get("Cache-Control"); got != "no-cache" {
				t.Errorf("Cache-Control = %q, want no-cache", got)
			}
		})
	}
}

func TestHandlerRefusesPathTraversal(t *testing.T) {
	dist, _, _ := fakeDist(t)
	const secret = "secret outside dist"
	if err := os.WriteFile(filepath.Join(filepath.Dir(dist), "secret.txt"), []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	// A symlink inside dist that leads out of it must not be followed either.
	if err := os.Symlink(filepath.Join(filepath.Dir(dist), "secret.txt"), filepath.Join(dist, "link.txt")); err != nil {
		t.Fatal(err)
	}
	h := newHandler(dist)
	paths := []string{
		"/../secret.txt",
		"../secret.txt",
		"/sub/../../secret.txt",
		"/./../secret.txt",
		"/..",
		`/..\secret.txt`,
		"/" + filepath.Join(filepath.Dir(dist), "secret.txt"), // absolute path smuggled in
		"/link.txt",
	}
	for _, p := range paths {
		t.Run(p, func(t *testing.T) {
			rec := serve(h, http.MethodGet, p, nil)
			if rec.Code == http.StatusOK || strings.Contains(rec.Body.String(), secret) {
				t.Errorf("status %d, body %.60q: want a refusal without the file", rec.Code, rec.Body.String())
			}
		})
	}

	// The same through a real connection, where the request line is not cleaned by any client.
	srv := httptest.NewServer(h)
	defer srv.Close()
	for _, target := range []string{"/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2e%2e%5csecret.txt"} {
		conn, err := net.Dial("tcp", srv.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", target)
		reply, err := io.ReadAll(conn)
		conn.Close()
		if err != nil {
			t.Fatal(err)
		}
		if bytes.HasPrefix(reply, []byte("HTTP/1.1 200")) || bytes.Contains(reply, []byte(secret)) {
			t.Errorf("GET %s: got %.60q, want a refusal without the file", target, reply)
		}
	}
}

func TestCompressWasmManifest(t *testing.T) {
	dist := t.TempDir()
	wasm := fakeWasm()
	m, err := compressWasm(dist, wasm, compressionLevels{brotli: brotliFastQuality, gzip: gzipFastLevel}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(wasm)
	if m.WasmBytes != int64(len(wasm)) {
		t.Errorf("WasmBytes = %d, want %d", m.WasmBytes, len(wasm))
	}
	if want := hex.EncodeToString(sum[:]); m.WasmSHA256 != want {
		t.Errorf("WasmSHA256 = %s, want %s", m.WasmSHA256, want)
	}
	for _, f := range []struct {
		name, coding string
		size         int64
	}{
		{m.Wasm + gzipSuffix, "gzip", m.GzipBytes},
		{m.Wasm + brotliSuffix, "br", m.BrotliBytes},
	} {
		data, err := os.ReadFile(filepath.Join(dist, f.name))
		if err != nil {
			t.Fatal(err)
		}
		if int64(len(data)) != f.size {
			t.Errorf("%s has %d bytes, manifest says %d", f.name, len(data), f.size)
		}
		if f.size <= 0 || f.size >= m.WasmBytes {
			t.Errorf("%s: %d bytes from %d, want smaller and not empty", f.name, f.size, m.WasmBytes)
		}
		if got := decode(t, f.coding, data); !bytes.Equal(got, wasm) {
			t.Errorf("%s does not decompress to the wasm", f.name)
		}
	}
	if matches, _ := filepath.Glob(filepath.Join(dist, "*.tmp")); len(matches) > 0 {
		t.Errorf("temporary files left behind: %v", matches)
	}

	// index.html reads these names; they must not drift.
	data, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]any
	if err := json.Unmarshal(data, &fields); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"wasm", "wasmBytes", "wasmSHA256", "gzipBytes", "brotliBytes"} {
		if _, ok := fields[key]; !ok {
			t.Errorf("manifest JSON %s lacks %q", data, key)
		}
	}
}

func TestAcceptsEncoding(t *testing.T) {
	tests := []struct {
		header, coding string
		want           bool
	}{
		{"", "br", false},
		{"br", "br", true},
		{"gzip, deflate, br", "br", true},
		{"gzip, deflate", "br", false},
		{"Br", "br", true},
		{"br;q=0", "br", false},
		{"br;q=0.0", "br", false},
		{"br; q=0.001", "br", true},
		{"*", "gzip", true},
		{"*;q=0", "gzip", false},
		{"*, gzip;q=0", "gzip", false},
		{"gzip;q=0, *", "gzip", false},
		{"*;q=0, gzip", "gzip", true},
		{"brotli", "br", false},
	}
	for _, tt := range tests {
		if got := acceptsEncoding(tt.header, tt.coding); got != tt.want {
			t.Errorf("acceptsEncoding(%q, %q) = %v, want %v", tt.header, tt.coding, got, tt.want)
		}
	}
}

func TestPageURL(t *testing.T) {
	tests := []struct{ addr, want string }{
		{"127.0.0.1:8080", "http://127.0.0.1:8080/"},
		{"0.0.0.0:9000", "http://127.0.0.1:9000/"},
		{"[::]:8080", "http://127.0.0.1:8080/"},
		{"[::1]:8080", "http://[::1]:8080/"},
		{"192.168.1.5:80", "http://192.168.1.5:80/"},
	}
	for _, tt := range tests {
		addr, err := net.ResolveTCPAddr("tcp", tt.addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := pageURL(addr); got != tt.want {
			t.Errorf("pageURL(%s) = %s, want %s", tt.addr, got, tt.want)
		}
	}
}

// Bad command lines are refused before anything is built.
func TestRunRefusesBadUsage(t *testing.T) {
	for _, args := range [][]string{
		{"bogus"},
		{"build", "extra"},
		{"build", "-nosuchflag"},
		{"serve", "-addr"},
		{"-best", "stray"},
	} {
		var out bytes.Buffer
		if err := run(context.Background(), args, &out); !errors.Is(err, errUsage) {
			t.Errorf("run(%q) = %v, want errUsage", args, err)
		}
		if out.Len() == 0 {
			t.Errorf("run(%q) printed nothing, want the usage", args)
		}
	}
	var out bytes.Buffer
	if err := run(context.Background(), []string{"serve", "-h"}, &out); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("run(serve -h) = %v, want flag.ErrHelp", err)
	}
	if !strings.Contains(out.String(), "-addr") {
		t.Errorf("serve -h printed %q, want the -addr flag", out.String())
	}
}

func TestServeDistAnnouncesThenStops(t *testing.T) {
	dist, _, _ := fakeDist(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	urls := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- serveDist(ctx, ln, dist, func(url string) { urls <- url }) }()

	url := <-urls
	if want := "http://" + ln.Addr().String() + "/"; url != want {
		t.Errorf("announced %s, want %s", url, want)
	}
	res, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s right after it was announced: %v", url, err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("GET %s: status %d, want 200", url, res.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serveDist after cancel = %v, want nil", err)
	}
}
