package control

import (
	"strconv"
	"strings"
	"testing"
)

// The screen most tests use: 800×600 device pixels at two device pixels a CSS
// pixel, a 400×300 CSS-pixel canvas, so that the CSS→device conversion is not
// the identity.
const (
	testW, testH = 800, 600
	testDPR      = 2
	cssW, cssH   = testW / testDPR, testH / testDPR
)

// testScreen is the screen of sized.
var testScreen = Screen{W: testW, H: testH, DPR: testDPR}

// sized returns a controller for hash, laid out on testScreen. A hash with any
// note is a mistake in the test.
func sized(t *testing.T, hash string) *Controller {
	t.Helper()
	c := New(hash)
	if notes := c.changeNotes; len(notes) > 0 {
		t.Fatalf("New(%q) notes %q about the link, want none", hash, notes)
	}
	c.Do(Resize{Screen: testScreen})
	return c
}

// do applies cmd and fails the test on any note.
func do(t *testing.T, c *Controller, cmd Command) {
	t.Helper()
	if notes := c.Do(cmd); len(notes) > 0 {
		t.Fatalf("Do(%#v) notes %q, want none", cmd, notes)
	}
}

// count returns how many of notes contain sub.
func count(notes []string, sub string) int {
	n := 0
	for _, s := range notes {
		if strings.Contains(s, sub) {
			n++
		}
	}
	return n
}

// text is how the panel sends a number to SetParam (wasm/panel.go, knobRow):
// the shortest decimal that reads back exactly.
func text(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// knobOf returns the knob of runner's parameter name, failing the test when
// the panel would have none.
func knobOf(t *testing.T, c *Controller, runner int, name string) Knob {
	t.Helper()
	for _, k := range c.Knobs() {
		if k.Runner == runner && k.Param.Name == name {
			return k
		}
	}
	t.Fatalf("no knob %d.%s among %d knobs", runner, name, len(c.Knobs()))
	return Knob{}
}
