//go:build !(js && wasm)

// Command build builds the Descent web app into dist/ and serves it for development.
//
//	go run ./build [build] [-dist DIR] [-best]
//	go run ./build serve [-addr HOST:PORT] [-dist DIR] [-best]
//	go run ./build single [-dist DIR] [-best]
//	go run ./build bench [-runs N] [-seconds S]
//	go run ./build recommend [-o FILE]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strings"
)

const usage = `usage:
  go run ./build [build] [flags]   build dist/ (main.<hash>.wasm, its .gz and .br, index.html, loader.js, wasm_exec.js,
                                   manifest.json, _headers, embed-example.html)
  go run ./build serve [flags]     build, then serve dist/ for development
  go run ./build single [flags]    build, then write dist/descent.html: the whole app in one file that opens from disk
  go run ./build bench [flags]     measure sizes, start-up and frame times in headless Chromium
  go run ./build recommend [flags] tune every optimizer on every problem; write problems/recommended.go

Run "go run ./build <command> -h" for the flags of a command.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stderr)
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
	case errors.Is(err, errUsage):
		os.Exit(2)
	default:
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// errUsage reports a command line that was wrong; the usage has been printed.
var errUsage = errors.New("build: bad usage")

// run dispatches a command line (without the program name). A bare flag list is
// the build command's.
func run(ctx context.Context, args []string, stderr io.Writer) error {
	command := "build"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		command, args = args[0], args[1:]
	}
	switch command {
	case "build":
		return runBuild(args, stderr)
	case "serve":
		return runServe(ctx, args, stderr)
	case "single":
		return runSingle(args, stderr)
	case "bench":
		return runBench(ctx, args, os.Stdout, stderr)
	case "recommend":
		return runRecommend(args, os.Stdout, stderr)
	case "help":
		fmt.Fprint(stderr, usage)
		return nil
	}
	fmt.Fprintf(stderr, "build: unknown command %q\n%s", command, usage)
	return errUsage
}

// buildFlags declares the flags shared by build and serve on fs and returns
// the options they fill in once fs is parsed.
func buildFlags(fs *flag.FlagSet, stderr io.Writer) *buildOptions {
	opts := &buildOptions{Progress: stderr}
	fs.StringVar(&opts.Dist, "dist", defaultDist, "output `dir`ectory; a relative path is taken from the module root")
	fs.BoolVar(&opts.BestCompression, "best", false, fmt.Sprintf("brotli quality %d and gzip -%d (release; ~20 s) instead of %d and -%d", brotliBestQuality, gzipBestLevel, brotliFastQuality, gzipFastLevel))
	fs.StringVar(&opts.Package, "pkg", defaultPackage, "`package` compiled to main.wasm, relative to the module root")
	return opts
}

// parseFlags parses args on fs, turning a flag error into errUsage (fs has
// already printed it) and refusing stray arguments.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "build %s: unexpected arguments %q\n", fs.Name(), fs.Args())
		fs.Usage()
		return errUsage
	}
	return nil
}

func runBuild(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	opts := buildFlags(fs, stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	_, err := buildDist(*opts)
	return err
}

func runSingle(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("single", flag.ContinueOnError)
	fs.SetOutput(stderr)
	opts := buildFlags(fs, stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	tc, err := findToolchain()
	if err != nil {
		return err
	}
	m, err := buildDist(*opts)
	if err != nil {
		return err
	}
	_, err = writeSingle(tc, tc.distDir(opts.Dist), m, opts.Progress)
	return err
}

func runServe(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	opts := buildFlags(fs, stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "`host:port` to listen on")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	tc, err := findToolchain()
	if err != nil {
		return err
	}
	// Take the port before building, so a busy one fails in a second, not after the build.
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	defer ln.Close()
	if _, err := buildDist(*opts); err != nil {
		return err
	}
	dist := tc.distDir(opts.Dist)
	return serveDist(ctx, ln, dist, func(url string) {
		fmt.Fprintf(stderr, "serve: %s on %s (Ctrl-C to stop)\n", dist, url)
	})
}
