//go:build !(js && wasm)

package main

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
)

// `go tool nm -size` does not read wasm, so the bench reads main.wasm itself:
// each function's code size from the code section, its name from the "name"
// section Go writes, summed by Go package.

// packageSize is the code of one Go package (or group of them) in main.wasm.
type packageSize struct {
	Name  string `json:"name"`
	Bytes int    `json:"bytes"`
}

// wasmModule is what the bench reads of a wasm module: each function's code
// size and name (the "name" section Go writes), and the data section's size.
type wasmModule struct {
	imported int            // imported functions, which come first in the index space
	bodies   []int          // the code bytes of each defined function, in index order
	names    map[int]string // by function index
	data     int            // strings, tables and initialised variables, charged to no package
}

// size is the code bytes of the function at index (0 for an import).
func (m wasmModule) size(index int) int {
	if i := index - m.imported; i >= 0 && i < len(m.bodies) {
		return m.bodies[i]
	}
	return 0
}

// readWasm reads mod's functions and data section.
func readWasm(mod []byte) (wasmModule, error) {
	if len(mod) < 8 || string(mod[:4]) != "\x00asm" {
		return wasmModule{}, errors.New("not a wasm module")
	}
	r := wasmReader{b: mod[8:]}
	m := wasmModule{names: map[int]string{}}
	for len(r.b) > 0 && r.err == nil {
		id := r.byte()
		sec := wasmReader{b: r.bytes(int(r.uint()))}
		switch id {
		case 2: // imports: functions among them come first in the index space
			for n := sec.uint(); n > 0 && sec.err == nil; n-- {
				sec.bytes(int(sec.uint())) // module
				sec.bytes(int(sec.uint())) // name
				switch kind := sec.byte(); kind {
				case 0:
					sec.uint()
					m.imported++
				case 1: // table: reftype, limits
					sec.byte()
					sec.limits()
				case 2:
					sec.limits()
				case 3: // global: valtype, mutability
					sec.byte()
					sec.byte()
				default:
					sec.err = fmt.Errorf("import kind %d", kind)
				}
			}
		case 10:
			for n := sec.uint(); n > 0 && sec.err == nil; n-- {
				size := int(sec.uint())
				sec.bytes(size)
				m.bodies = append(m.bodies, size)
			}
		case 11:
			m.data += len(sec.b)
		case 0:
			if string(sec.bytes(int(sec.uint()))) != "name" {
				continue
			}
			for len(sec.b) > 0 && sec.err == nil {
				sub := sec.byte()
				part := wasmReader{b: sec.bytes(int(sec.uint()))}
				if sub != 1 {
					continue
				}
				for n := part.uint(); n > 0 && part.err == nil; n-- {
					idx := int(part.uint())
					m.names[idx] = string(part.bytes(int(part.uint())))
				}
				if part.err != nil {
					sec.err = part.err
				}
			}
		}
		if sec.err != nil {
			r.err = fmt.Errorf("section %d: %w", id, sec.err)
		}
	}
	return m, r.err
}

// wasmCode is a module read with its names, and the packages linked into it.
type wasmCode struct {
	wasmModule
	known map[string]string // wasmNames of the packages linked in
}

// pkg is the Go package of the function at index.
func (c wasmCode) pkg(index int) string { return goPackage(c.names[index], c.known) }

// packages returns the code bytes of each package, the largest first.
func (c wasmCode) packages() []packageSize {
	sums := map[string]int{}
	for i, size := range c.bodies {
		sums[c.pkg(c.imported+i)] += size
	}
	var pkgs []packageSize
	for name, bytes := range sums {
		pkgs = append(pkgs, packageSize{name, bytes})
	}
	slices.SortFunc(pkgs, func(a, b packageSize) int { return cmp.Or(b.Bytes-a.Bytes, strings.Compare(a.Name, b.Name)) })
	return pkgs
}

// goPackage is the package of a Go symbol such as
// "descent/game/control.(*Controller).Tick" or "runtime.mallocgc"; a type's
// generated equality goes to the type's package, and a generic function's
// instances to the function's. Go's linker writes names into wasm with every
// character but letters, digits, '_' and '.' made '_' ("descent_game_control.…"):
// known maps such names of packages back to their paths.
func goPackage(sym string, known map[string]string) string {
	if sym == "" {
		return "(unnamed)"
	}
	for _, eq := range []string{"type:.eq.", "type_.eq."} {
		sym = strings.TrimPrefix(sym, eq)
	}
	if i := strings.IndexByte(sym, '['); i >= 0 {
		sym = sym[:i]
	}
	for i := range len(sym) {
		if sym[i] == '.' {
			if path, ok := known[sym[:i]]; ok {
				return path
			}
		}
	}
	slash := strings.LastIndexByte(sym, '/')
	if dot := strings.IndexByte(sym[slash+1:], '.'); dot >= 0 {
		return sym[:slash+1+dot]
	}
	return sym
}

// wasmNames maps each package path as Go's linker writes it into wasm to the path.
func wasmNames(paths []string) map[string]string {
	m := make(map[string]string, len(paths))
	for _, p := range paths {
		m[strings.Map(func(r rune) rune {
			if r == '.' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) {
				return r
			}
			return '_'
		}, p)] = p
	}
	return m
}

// wasmReader reads a wasm module's LEB128 numbers and byte runs; the first
// error sticks.
type wasmReader struct {
	b   []byte
	err error
}

func (r *wasmReader) byte() byte {
	if r.err != nil || len(r.b) == 0 {
		r.fail()
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *wasmReader) uint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *wasmReader) bytes(n int) []byte {
	if r.err != nil || n < 0 || n > len(r.b) {
		r.fail()
		return nil
	}
	s := r.b[:n]
	r.b = r.b[n:]
	return s
}

func (r *wasmReader) limits() {
	if r.byte()&1 != 0 {
		r.uint()
	}
	r.uint()
}

func (r *wasmReader) fail() {
	if r.err == nil {
		r.err = errors.New("truncated")
	}
}

// wasmBreakdown builds pkg for js/wasm as the release does but keeping the
// function names (-ldflags=-w, not -s: the code, and so each function's
// index, is the same) and reads it.
func wasmBreakdown(pkg string) (wasmCode, error) {
	dir, err := os.MkdirTemp("", "descent-size-")
	if err != nil {
		return wasmCode{}, err
	}
	defer os.RemoveAll(dir)
	tc, err := findToolchain()
	if err != nil {
		return wasmCode{}, err
	}
	out := filepath.Join(dir, "main.wasm")
	env := append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	build := exec.Command(tc.goBin, "build", "-trimpath", "-ldflags=-w", "-o", out, pkg)
	build.Env, build.Dir = env, tc.moduleRoot
	if msg, err := build.CombinedOutput(); err != nil {
		return wasmCode{}, fmt.Errorf("go build %s: %v\n%s", pkg, err, msg)
	}
	list := exec.Command(tc.goBin, "list", "-deps", pkg)
	list.Env, list.Dir = env, tc.moduleRoot
	deps, err := list.Output()
	if err != nil {
		return wasmCode{}, fmt.Errorf("go list -deps %s: %v", pkg, err)
	}
	mod, err := os.ReadFile(out)
	if err != nil {
		return wasmCode{}, err
	}
	m, err := readWasm(mod)
	if err == nil && len(m.names) == 0 {
		err = errors.New("no function names (was it built with the name section?)")
	}
	return wasmCode{m, wasmNames(strings.Fields(string(deps)))}, err
}

// ownGroup is the sizeGroup of Descent's own packages.
const ownGroup = "Descent's own packages"

// sizeGroup is who a package's code is charged to in the bench's table.
func sizeGroup(pkg string) string {
	switch first, _, _ := strings.Cut(pkg, "/"); {
	case pkg == "main" || first == "descent":
		return ownGroup
	case strings.HasPrefix(pkg, "github.com/hajimehoshi/ebiten/"):
		return "ebiten"
	case !strings.Contains(first, "."):
		return "standard library and runtime"
	default:
		return "other modules"
	}
}

// groupSizes sums packages by sizeGroup.
func groupSizes(pkgs []packageSize) map[string]int {
	m := map[string]int{}
	for _, p := range pkgs {
		m[sizeGroup(p.Name)] += p.Bytes
	}
	return m
}
