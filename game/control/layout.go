package control

import (
	"fmt"
	"image"
	"math"
)

// The page's layout numbers, in CSS pixels, written here once: the page's CSS
// reads them from custom properties on <body> (see PageLayout).
const (
	// PanelWidth is the side panel's width on a wide screen.
	PanelWidth = 300
	// SheetBelow is the window width under which the panel becomes a sheet
	// under the plot, SheetShare of the window's height.
	SheetBelow = 720
	SheetShare = 0.42
	// chartMaxWidth and chartShare bound the loss chart's width: at most
	// chartMaxWidth, and at most chartShare of the canvas; it is half as high
	// as wide, chartMargin from the canvas's bottom-right corner.
	chartMaxWidth = 300
	chartShare    = 0.42
	chartMargin   = 8
)

// views lists the screen's views in drawing order: the field, then the chart over it.
func (c *Controller) views(dst []View) []View {
	full := image.Rect(0, 0, c.screen.W, c.screen.H)
	return append(dst, View{Kind: FieldView, Rect: full}, View{Kind: ChartView, Rect: chartRect(c.screen)})
}

// chartRect is where the loss chart goes, in device pixels.
func chartRect(s Screen) image.Rectangle {
	cssW := float64(s.W) / s.DPR
	w := math.Min(chartMaxWidth, chartShare*cssW) * s.DPR
	h := 0.5 * w
	x0, y0 := float64(s.W)-w-chartMargin*s.DPR, float64(s.H)-h-chartMargin*s.DPR
	return image.Rect(int(x0), int(y0), int(x0+w), int(y0+h))
}

// PageMode is how the page arranges the plot and the panel.
type PageMode int

const (
	SidePanel  PageMode = iota // a panel on the right of the plot
	SheetPanel                 // a narrow window: the panel is a sheet under the plot
	Embedded                   // embed=1: the plot alone
)

func (m PageMode) String() string {
	switch m {
	case SidePanel:
		return "side"
	case SheetPanel:
		return "sheet"
	case Embedded:
		return "embed"
	}
	return fmt.Sprintf("PageMode(%d)", int(m))
}

// PageLayout is the page's arrangement for a window winW CSS pixels wide: its
// mode, and the CSS custom properties the page's stylesheet reads.
func PageLayout(winW float64, embed bool) (PageMode, [][2]string) {
	mode := SidePanel
	switch {
	case embed:
		mode = Embedded
	case winW < SheetBelow:
		mode = SheetPanel
	}
	vars := [][2]string{
		{"--panel-width", fmt.Sprintf("%dpx", PanelWidth)},
		{"--sheet-share", fmt.Sprintf("%g%%", SheetShare*100)},
		{"--plot-share", fmt.Sprintf("%g%%", (1-SheetShare)*100)},
		// The messages at the bottom left keep clear of the chart at the bottom right.
		{"--chart-share", fmt.Sprintf("%g", chartShare)},
		{"--chart-max", fmt.Sprintf("%dpx", chartMaxWidth)},
	}
	return mode, vars
}
