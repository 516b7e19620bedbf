// Package reference computes reference paths to replay beside a race: what a textbook quasi-Newton method with a line search does from the same start.
//
// Its L-BFGS is a compact one, written with the standard library alone and
// checked in its tests against gonum's optimize.LBFGS: from every built-in
// problem's start the two end at the same minimum in a comparable number of
// iterations, or both fail where there is none. It does not call gonum at run
// time because the package runs in the browser, and linking gonum's optimize
// into the WebAssembly build adds about 0.49 MB (brotli) to a 1.9 MB download.
package reference
