package view

import "image/color"

// runnerColors are the balls' colours: the Okabe–Ito palette, chosen to stay
// apart for the common colour-vision deficiencies (M. Okabe & K. Ito, Color
// Universal Design, 2008; B. Wong, Points of view: Color blindness, Nature
// Methods 8:441, 2011), in its own order, with its black, which would vanish
// on the dark Background, replaced by white at the end. Every one keeps
// at least WCAG's 3:1 contrast for graphics against it; see palette_test.go.
var runnerColors = []color.RGBA{
	{0xe6, 0x9f, 0x00, 0xff}, // orange
	{0x56, 0xb4, 0xe9, 0xff}, // sky blue
	{0x00, 0x9e, 0x73, 0xff}, // bluish green
	{0xf0, 0xe4, 0x42, 0xff}, // yellow
	{0x00, 0x72, 0xb2, 0xff}, // blue
	{0xd5, 0x5e, 0x00, 0xff}, // vermillion
	{0xcc, 0x79, 0xa7, 0xff}, // reddish purple
	{0xff, 0xff, 0xff, 0xff}, // white, for Okabe–Ito's black
}

// Background is the dark ground the runners' colours are chosen against: the
// canvas around and under the field.
var Background = color.RGBA{0x18, 0x18, 0x1c, 0xff}

// ReferenceColor is the colour of the L-BFGS reference path: a light grey, apart
// from every runner.
var ReferenceColor = color.RGBA{0xd9, 0xd9, 0xd9, 0xff}

// RunnerColor returns the colour of the i-th runner; colours repeat after eight,
// as shapes do (RunnerShape), so no two runners of a race (at most eight) share either.
func RunnerColor(i int) color.RGBA {
	return runnerColors[i%len(runnerColors)]
}

// CSS returns the colour as a CSS hex string, for the page around the canvas.
func CSS(c color.RGBA) string {
	const hex = "0123456789abcdef"
	b := []byte{'#', hex[c.R>>4], hex[c.R&15], hex[c.G>>4], hex[c.G&15], hex[c.B>>4], hex[c.B&15]}
	return string(b)
}

// runnerCSS are the runner colours as CSS, written once.
var runnerCSS = func() []string {
	out := make([]string, len(runnerColors))
	for i, c := range runnerColors {
		out[i] = CSS(c)
	}
	return out
}()

// RunnerCSS returns RunnerColor(i) as a CSS hex string.
func RunnerCSS(i int) string { return runnerCSS[i%len(runnerCSS)] }
