package view

import (
	"image/color"
	"testing"
)

func TestViridisMatchesMatplotlib(t *testing.T) {
	// matplotlib's _viridis_data at 0, 0.5 (entry 128 of 256) and 1, as hex.
	cases := []struct {
		t    float64
		want color.RGBA
	}{
		{0, color.RGBA{0x44, 0x01, 0x54, 0xff}},
		{0.5, color.RGBA{0x21, 0x91, 0x8c, 0xff}},
		{1, color.RGBA{0xfd, 0xe7, 0x25, 0xff}},
	}
	for _, c := range cases {
		got := Viridis(c.t)
		if d := max(absDiff(got.R, c.want.R), absDiff(got.G, c.want.G), absDiff(got.B, c.want.B)); d > 4 {
			t.Errorf("Viridis(%g) = %v, want %v (off by %d of 255)", c.t, got, c.want, d)
		}
	}
}

func absDiff(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}

func TestRankIsTheShareBelow(t *testing.T) {
	var lv Levels
	for i := range lv.Quantiles {
		lv.Quantiles[i] = float64(i * i) // uneven steps
	}
	cases := []struct{ l, want float64 }{
		{-1, 0}, {0, 0}, {1, 1.0 / 16}, {2.5, 1.5 / 16}, {64, 8.0 / 16}, {256, 1}, {300, 1},
	}
	for _, c := range cases {
		if got := lv.Rank(c.l); got < c.want-1e-12 || got > c.want+1e-12 {
			t.Errorf("Rank(%g) = %g, want %g", c.l, got, c.want)
		}
	}
}

func TestPaletteRunsFromDarkToLight(t *testing.T) {
	v := Fit(-5, 5, -3, 3, 400, 300)
	lv := SampleLevels(v, func(x, y float64) float64 { return x*x + 10*y*y }, 0, true)
	pal := make([]byte, 4*PaletteSize)
	lv.Palette(pal)
	first, last := Viridis(0), Viridis(1)
	if got := (color.RGBA{pal[0], pal[1], pal[2], pal[3]}); absDiff(got.R, first.R) > 8 || absDiff(got.B, first.B) > 8 {
		t.Errorf("palette starts at %v, want about viridis(0) %v", got, first)
	}
	n := 4 * (PaletteSize - 1)
	if got := (color.RGBA{pal[n], pal[n+1], pal[n+2], pal[n+3]}); absDiff(got.R, last.R) > 8 || absDiff(got.G, last.G) > 8 {
		t.Errorf("palette ends at %v, want about viridis(1) %v", got, last)
	}
}
