//go:build !(js && wasm)

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// newHandler serves the files of dist as a host should: every response
// carries siteHeaders and the file's cacheControl, a program (a .wasm file) is
// sent as its brotli or gzip twin when the client accepts it, and nothing
// outside dist is reachable (paths with ".." are refused, and symlinks leading
// out are not followed).
func newHandler(dist string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, h := range siteHeaders() {
			w.Header().Set(h.name, h.value)
		}
		w.Header().Set("Cache-Control", cacheRevalidate)
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name, ok := distName(r.URL.Path)
		if !ok {
			http.Error(w, "bad path", http.StatusBadRequest)
			return
		}
		root, err := os.OpenRoot(dist)
		if err != nil {
			http.Error(w, "dist directory missing; run go run ./build", http.StatusInternalServerError)
			return
		}
		defer root.Close()

		if path.Ext(name) == ".wasm" {
			w.Header().Add("Vary", "Accept-Encoding")
			// Precompressed twins, best first.
			for _, enc := range []struct{ coding, suffix string }{{"br", brotliSuffix}, {"gzip", gzipSuffix}} {
				if !acceptsEncoding(r.Header.Get("Accept-Encoding"), enc.coding) {
					continue
				}
				f, info, err := openFile(root, name+enc.suffix)
				if err != nil {
					continue // no twin in this encoding: try the next one
				}
				defer f.Close()
				w.Header().Set("Content-Encoding", enc.coding)
				serveFile(w, r, name, f, info)
				return
			}
		}
		f, info, err := openFile(root, name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		defer f.Close()
		serveFile(w, r, name, f, info)
	})
}

// distName turns a URL path into a file name inside dist: "/" is index.html.
// It refuses any path with a ".." element rather than cleaning it away.
func distName(urlPath string) (string, bool) {
	if strings.Contains(urlPath, "\x00") || strings.Contains(urlPath, `\`) {
		return "", false
	}
	for _, elem := range strings.Split(urlPath, "/") {
		if elem == ".." {
			return "", false
		}
	}
	name := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	if name == "" {
		name = indexFile
	}
	return name, true
}

// openFile opens a regular file under root.
func openFile(root *os.Root, name string) (*os.File, fs.FileInfo, error) {
	f, err := root.Open(filepath.FromSlash(name))
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		f.Close()
		return nil, nil, fs.ErrNotExist
	}
	return f, info, nil
}

// serveFile sends f under the content type of name. http.ServeContent handles
// HEAD, ranges and conditional requests; the ETag differs per stored file, so
// the br, gzip and identity forms of main.wasm are never confused by a cache.
func serveFile(w http.ResponseWriter, r *http.Request, name string, f io.ReadSeeker, info fs.FileInfo) {
	w.Header().Set("Content-Type", contentType(name))
	w.Header().Set("Cache-Control", cacheControl(name))
	coding := w.Header().Get("Content-Encoding")
	if coding == "" {
		coding = "identity"
	}
	w.Header().Set("ETag", fmt.Sprintf(`"%x-%x-%s"`, info.ModTime().UnixNano(), info.Size(), coding))
	http.ServeContent(w, r, name, info.ModTime(), f)
}

// contentType names the type of the files dist holds, whatever the
// platform's mime tables say; others fall back to those tables.
func contentType(name string) string {
	switch ext := path.Ext(name); ext {
	case ".html":
		return "text/html; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".json":
		return "application/json"
	case ".wasm":
		return "application/wasm"
	default:
		if t := mime.TypeByExtension(ext); t != "" {
			return t
		}
		return "application/octet-stream"
	}
}

// acceptsEncoding reports whether an Accept-Encoding header value allows coding:
// named with a q-value above zero, or covered by "*" without being refused by name.
func acceptsEncoding(header, coding string) bool {
	named, wildcard := -1.0, -1.0
	for _, part := range strings.Split(header, ",") {
		value, params, _ := strings.Cut(part, ";")
		value = strings.TrimSpace(value)
		q := 1.0
		for _, param := range strings.Split(params, ";") {
			k, v, found := strings.Cut(strings.TrimSpace(param), "=")
			if found && strings.EqualFold(strings.TrimSpace(k), "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					q = f
				}
			}
		}
		switch {
		case strings.EqualFold(value, coding):
			named = max(named, q)
		case value == "*":
			wildcard = max(wildcard, q)
		}
	}
	if named >= 0 {
		return named > 0
	}
	return wildcard > 0
}

// serveDist serves dist on ln until ctx is done. ready is called with the
// page's URL once the server is running, so the URL is never shown too early.
func serveDist(ctx context.Context, ln net.Listener, dist string, ready func(url string)) error {
	srv := &http.Server{Handler: newHandler(dist), ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	ready(pageURL(ln.Addr()))

	select {
	case err := <-done:
		return fmt.Errorf("build: %w", err)
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("build: %w", err)
	}
	return nil
}

// pageURL is the address a browser on this machine should open. An unspecified
// host (":8080", "0.0.0.0") becomes 127.0.0.1, which browsers treat as a secure
// context, so they offer brotli.
func pageURL(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return "http://" + addr.String() + "/"
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}
