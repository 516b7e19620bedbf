package control

import (
	"html"
	"strings"
)

// The Share section's buttons. They send no command: the page copies a
// button's data-copy text to the clipboard, and a data-export button
// downloads descent.export of its format (wasm's share.js does both).

// ExportFormats are the formats of descent.export and of the download
// buttons: the trajectories as text, and the plot as an image.
var exportFormats = []string{"csv", "json", "png"}

// ExportFormats returns the formats descent.export knows, in the order the
// panel offers them.
func ExportFormats() []string { return append([]string(nil), exportFormats...) }

// EmbedTitle is the embed code's iframe title: what a screen reader says of it.
func (c *Controller) EmbedTitle() string {
	return "Descent: optimizers racing on " + c.problem.Title
}

// Link is the address that reproduces the race on screen, on base (the
// page's address without its hash).
func (c *Controller) Link(base string) string { return base + "#" + c.cfg.Hash() }

// EmbedCode is the <iframe> that shows the race on screen in another page:
// the link with embed=1, titled, sized and sandboxed as build/embed-example.html
// recommends.
func (c *Controller) EmbedCode(base string) string {
	cfg := c.cfg.Clone()
	cfg.Embed = true
	return `<iframe src="` + html.EscapeString(base+"#"+cfg.Hash()) + `" title="` + html.EscapeString(c.EmbedTitle()) +
		`" sandbox="allow-scripts allow-same-origin" referrerpolicy="no-referrer" loading="lazy"` +
		` style="width: 100%; aspect-ratio: 16 / 10; border: 0"></iframe>`
}

// shareButtons are the Share section's buttons: copy the link, copy the embed
// code, download the trajectories and the picture.
func (c *Controller) shareButtons(base string) Node {
	copyLink := El("button", "id", "copy-link", "type", "button", "data-copy", c.Link(base)).Say("Copy link")
	copyEmbed := El("button", "id", "copy-embed", "type", "button", "data-copy", c.EmbedCode(base)).Say("Copy embed code")
	downloads := El("div", "class", "buttons", "role", "group", "aria-label", "Download")
	for _, f := range exportFormats {
		title := "The trajectories, every step, as " + strings.ToUpper(f)
		if f == "png" {
			title = "The plot as a PNG image, with its legend and axes"
		}
		downloads = downloads.With(El("button", "id", "download-"+f, "type", "button", "data-export", f,
			"title", title, "aria-label", "Download "+strings.ToUpper(f)).Say("⤓ " + strings.ToUpper(f)))
	}
	status := El("div", "id", "share-status", "class", "note", "role", "status", "aria-live", "polite")
	return El("div").With(El("div", "class", "buttons").With(copyLink, copyEmbed), downloads, status)
}
