package view

import (
	"image/color"
	"math"
)

// Viridis returns matplotlib's viridis colormap at t in [0, 1] (clamped), from a
// sixth-degree polynomial fit per channel (Matt Zucker's fit, CC0), within about
// 1% of the published table.
func Viridis(t float64) color.RGBA {
	t = math.Max(0, math.Min(1, t))
	var c [3]float64
	for ch := range c {
		v := 0.0
		for k := len(viridisFit) - 1; k >= 0; k-- {
			v = v*t + viridisFit[k][ch]
		}
		c[ch] = math.Max(0, math.Min(1, v))
	}
	return color.RGBA{uint8(math.Round(c[0] * 255)), uint8(math.Round(c[1] * 255)), uint8(math.Round(c[2] * 255)), 0xff}
}

// viridisFit[k] holds the coefficients of t^k for red, green and blue.
var viridisFit = [7][3]float64{
	{0.2777273272234177, 0.005407344544966578, 0.3340998053353061},
	{0.1050930431085774, 1.404613529898575, 1.384590162594685},
	{-0.3308618287255563, 0.214847559468213, 0.09509516302823659},
	{-4.634230498983486, -5.799100973351585, -19.33244095627987},
	{6.228269936347081, 14.17993336680509, 56.69055260068105},
	{4.776384997670288, -13.74514537774601, -65.35303263337234},
	{-5.435455855934631, 4.645852612178535, 26.3124352495832},
}

// PaletteSize is how many colours the field's palette holds: levels from LMin
// to LMax map to them, and the shader interpolates between neighbours.
const PaletteSize = 256

// Rank returns the share of the sampled view whose level is below l, read off
// the quantiles piecewise linearly: 0 at or below the lowest, 1 at or above the
// highest.
func (lv Levels) Rank(l float64) float64 {
	q := lv.Quantiles
	if l <= q[0] {
		return 0
	}
	for i := 1; i < len(q); i++ {
		if l < q[i] {
			return (float64(i-1) + (l-q[i-1])/(q[i]-q[i-1])) / QuantileCount
		}
	}
	return 1
}

// Palette writes the field's palette as PaletteSize RGBA pixels into dst (4 bytes
// each): entry i is the colour of the level LMin + (i+½)/PaletteSize·(LMax−LMin),
// coloured by its rank, so the palette spreads evenly over the visible area.
func (lv Levels) Palette(dst []byte) {
	for i := range PaletteSize {
		l := lv.LMin + (float64(i)+0.5)/PaletteSize*(lv.LMax-lv.LMin)
		c := Viridis(lv.Rank(l))
		copy(dst[4*i:], []byte{c.R, c.G, c.B, c.A})
	}
}
