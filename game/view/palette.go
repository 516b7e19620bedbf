package view

import "image/color"

// runnerColors are the balls' colours, chosen to stand out on the viridis field
// (which runs purple → teal → yellow) and from each other.
var runnerColors = []color.RGBA{
	{0xff, 0x45, 0x3a, 0xff}, // red
	{0xff, 0xff, 0xff, 0xff}, // white
	{0xff, 0x9f, 0x0a, 0xff}, // orange
	{0xff, 0x37, 0xd4, 0xff}, // magenta
	{0x64, 0xd2, 0xff, 0xff}, // sky blue
	{0x1c, 0x1c, 0x1e, 0xff}, // near black
	{0xbf, 0x5a, 0xf2, 0xff}, // violet
	{0xa2, 0x84, 0x5e, 0xff}, // brown
}

// GhostColor is the colour of the L-BFGS reference path: a light grey, apart
// from every runner.
var GhostColor = color.RGBA{0xd9, 0xd9, 0xd9, 0xff}

// RunnerColor returns the colour of the i-th runner; colours repeat after eight.
func RunnerColor(i int) color.RGBA {
	return runnerColors[i%len(runnerColors)]
}

// CSS returns the colour as a CSS hex string, for the page around the canvas.
func CSS(c color.RGBA) string {
	const hex = "0123456789abcdef"
	b := []byte{'#', hex[c.R>>4], hex[c.R&15], hex[c.G>>4], hex[c.G&15], hex[c.B>>4], hex[c.B&15]}
	return string(b)
}
