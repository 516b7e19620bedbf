package control

import (
	"testing"

	"descent/game/race"
)

// The controller's share of a frame on the bench's 1280×800 page (build
// bench): Tick is Update's work, Frame the part of Draw before painting.
// go test -bench 'Tick|Frame' -benchmem ./game/control
var benchScreen = Screen{W: 1280 - 300, H: 800, DPR: 1}

// benchRaces are the bench's races: the default page, and the stress race of
// build/bench.go (8 runners on Rastrigin that never converge, 200 steps a frame).
var benchRaces = []struct{ name, hash string }{
	{"default", ""},
	{"stress", "problem=rastrigin&speed=200&o=sgd;sgd:sigma=3;sgd:batch=1;sgd:sigma=10;lion;lion:lr=0.02;lion:lr=0.05;lion:lr=0.2"},
}

func benchController(b *testing.B, hash string) *Controller {
	c := New(hash)
	if len(c.changeNotes) > 0 {
		b.Fatalf("New(%q): %q", hash, c.changeNotes)
	}
	c.Do(Resize{Screen: benchScreen})
	for range 30 {
		c.Tick()
		c.Frame()
	}
	return c
}

func BenchmarkTick(b *testing.B) {
	for _, r := range benchRaces {
		b.Run(r.name, func(b *testing.B) {
			c := benchController(b, r.hash)
			b.ReportAllocs()
			for b.Loop() {
				c.Tick()
				if c.race.Done() {
					c.Do(Reset{})
				}
			}
		})
	}
}

func BenchmarkTickAndFrame(b *testing.B) {
	for _, r := range benchRaces {
		b.Run(r.name, func(b *testing.B) {
			c := benchController(b, r.hash)
			b.ReportAllocs()
			for b.Loop() {
				c.Tick()
				c.Frame()
				if c.race.Done() {
					c.Do(Reset{})
				}
			}
			if r.name == "stress" {
				for _, rn := range c.race.Runners {
					if rn.Status != race.Running {
						b.Fatalf("runner %d (%s) is %s: the stress race must never converge", rn.ID, rn.Optimizer, rn.Status)
					}
				}
			}
		})
	}
}
