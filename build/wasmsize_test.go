//go:build !(js && wasm)

package main

import (
	"slices"
	"testing"
)

// leb is n as an unsigned LEB128 number.
func leb(n int) []byte {
	var b []byte
	for {
		c := byte(n & 0x7f)
		n >>= 7
		if n == 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

func section(id byte, body ...[]byte) []byte {
	content := slices.Concat(body...)
	return slices.Concat([]byte{id}, leb(len(content)), content)
}

func str(s string) []byte { return slices.Concat(leb(len(s)), []byte(s)) }

// A hand-made module: one imported function, then three bodies of 5, 200 and
// 7 bytes named after two packages, and 9 bytes of data.
func TestReadWasmSumsByPackage(t *testing.T) {
	body := func(n int) []byte { return slices.Concat(leb(n), make([]byte, n)) }
	mod := slices.Concat([]byte("\x00asm\x01\x00\x00\x00"),
		section(2, leb(1), str("go"), str("debug"), []byte{0}, leb(0)),
		section(10, leb(3), body(5), body(200), body(7)),
		section(11, make([]byte, 9)),
		section(0, str("name"), []byte{1}, leb(len(slices.Concat(leb(4), leb(0), str("go.debug"), leb(1), str("runtime.mallocgc"),
			leb(2), str("descent/game/control.(*Controller).Tick"), leb(3), str("runtime.memmove")))),
			leb(4), leb(0), str("go.debug"), leb(1), str("runtime.mallocgc"),
			leb(2), str("descent/game/control.(*Controller).Tick"), leb(3), str("runtime.memmove")),
	)
	m, err := readWasm(mod)
	if err != nil {
		t.Fatal(err)
	}
	pkgs, data := wasmCode{m, nil}.packages(), m.data
	want := []packageSize{{"descent/game/control", 200}, {"runtime", 12}}
	if !slices.Equal(pkgs, want) || data != 9 {
		t.Errorf("got %v and %d data bytes, want %v and 9", pkgs, data, want)
	}
	if m.size(2) != 200 || m.size(0) != 0 || m.size(4) != 0 {
		t.Errorf("size(2) = %d, size(0) = %d, size(4) = %d; want 200, 0 (an import), 0 (none)", m.size(2), m.size(0), m.size(4))
	}
	if _, err := readWasm(mod[:len(mod)-3]); err == nil {
		t.Errorf("a truncated module gave no error")
	}
}

func TestGoPackage(t *testing.T) {
	known := wasmNames([]string{"github.com/hajimehoshi/ebiten/v2/internal/ui", "internal/strconv", "descent/game/view"})
	for sym, want := range map[string]string{
		"descent/game/control.(*Controller).Tick":                               "descent/game/control",
		"runtime.mallocgc":                                                      "runtime",
		"github.com/hajimehoshi/ebiten/v2/internal/ui.init.0":                   "github.com/hajimehoshi/ebiten/v2/internal/ui",
		"gonum.org/v1/gonum/mat.(*Dense).Mul":                                   "gonum.org/v1/gonum/mat",
		"github.com_hajimehoshi_ebiten_v2_internal_ui._ptr_UserInterface_.init": "github.com/hajimehoshi/ebiten/v2/internal/ui",
		"internal_strconv.FormatFloat":                                          "internal/strconv",
		"type_.eq.descent_game_view.View":                                       "descent/game/view",
		"type:.eq.descent/optim.Spec":                                           "descent/optim",
		"slices.SortFunc[go.shape.[]descent/build.packageSize]":                 "slices",
	} {
		if got := goPackage(sym, known); got != want {
			t.Errorf("goPackage(%q) = %q, want %q", sym, got, want)
		}
	}
}
