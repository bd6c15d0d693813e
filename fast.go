package httpauth

import "math/bits"

// The fast path reads the shapes that make up nearly every real field in
// two loops: fastParse takes the auth-schemes and what follows them,
// params the parameters of one list.
// Go keeps no value in a register across a call, so a call in a loop costs
// the stores and loads of all the loop holds: the loop of params calls
// only qdtextRun, for the text of a quoted value, and keeps the list it
// appends to in memory (fastList), so that little is live across that
// call; it leaves what needs another call (a quoted-pair or HTAB in a
// value, a name whose bit the list holds, a full slice) to param, outside
// it. The general grammar (parser.go), a state machine between small
// functions, could not be written that way. The fast path accepts only
// input the general grammar accepts, with the same result and no warning,
// and gives up, keeping nothing, at anything else; the general grammar
// then reads the field from its start. FuzzFastPath and
// TestFastPathEveryByte hold the two to the same result.
//
// What it reads: field lines of elements separated by a comma and at most
// one SP, or by a line boundary; leading and trailing OWS of a line; each
// element an auth-scheme alone, followed by SP and a token68, or followed
// by SP and a parameter, or a parameter "name=value" whose value is a token
// or a quoted-string. What it gives up on: OWS around "=" or before a
// comma, empty elements and empty lines, a second credentials value or a
// comma after credentials that take no parameters, a duplicate name, more
// parameters than dupScan or the limit, more challenges than the limit,
// and every fault.

// fastParse parses lines as the field of mode m, as parse does, and
// reports whether it could. On false, p.cs and p.plist hold what they held
// before beyond their original lengths (base and the length of p.plist).
func (p *Parser) fastParse(m mode, base int, lines []string) bool {
	st := &p.st
	maxLine, maxChallenges := st.lim.MaxLineBytes, st.lim.MaxChallenges
	cs := p.cs
	plist := p.plist
	l := fastList{max: min(st.lim.MaxParams, dupScan)}
	if m == modeParams {
		l.ps, l.n0 = &plist, len(plist)
	}
	for ln, s := range lines {
		if len(s) > maxLine || (ln > 0 && m == modeCredentials) {
			return p.bail(cs)
		}
		n := len(s)
		for n > 0 && (s[n-1] == ' ' || s[n-1] == '\t') {
			n--
		}
		s = s[:n]
		i := skipOWS(s, 0)
		if i >= len(s) {
			return p.bail(cs)
		}
		// The first element of the line: more parameters of a list
		// that a line before opened, or an auth-scheme.
		var t1 int
		if l.ps != nil {
			if i, t1 = l.params(s, i); i < 0 {
				return p.bail(cs)
			}
			if i >= len(s) {
				continue
			}
		} else if t1 = scanToken(s, i); t1 == i || (t1 < len(s) && s[t1] == '=') {
			return p.bail(cs)
		}
		for {
			// s[i:t1] is an auth-scheme.
			if m != modeChallenges && (m == modeParams || len(cs) > 0) || len(cs)-base >= maxChallenges {
				return p.bail(cs)
			}
			k := len(cs)
			if k < cap(cs) {
				cs = cs[:k+1]
				cs[k].Scheme, cs[k].Token68, cs[k].Params = s[i:t1], "", cs[k].Params[:0]
			} else {
				cs = append(cs, Challenge{Scheme: s[i:t1]})
			}
			c := &cs[k]
			l.ps = nil
			i = t1
			if i < len(s) && s[i] != ',' {
				// "auth-scheme SP", then parameters or a token68.
				if s[i] != ' ' {
					return p.bail(cs)
				}
				j := skipOWS(s, i)
				// A parameter rather than a token68: a guess, to spare
				// scanning a parameter's name twice (the token68 test,
				// then the name): an "=" among the first sixteen bytes,
				// followed by a byte that starts a value. params checks
				// the parameter itself, and a longer name is read
				// after the token68 test fails.
				end, next, ok := 0, 0, false
				e := j
				w := uint64(0)
				if j+8 <= len(s) {
					if w = equalsStops(load64(s, j)); w == 0 && j+16 <= len(s) {
						e, w = j+8, equalsStops(load64(s, j+8))
					}
				}
				if e += bits.TrailingZeros64(w)>>3 + 1; w == 0 || e >= len(s) || (s[e] != '"' && classes[s[e]]&cTchar == 0) {
					end, next, ok = token68At(s, j)
				}
				if !ok {
					// Parameters (decision 3), at least one.
					l.ps, l.names, l.n0 = &c.Params, 0, 0
					if m == modeCredentials {
						c.Params, l.n0 = plist, len(plist)
					}
					if i, t1 = l.params(s, j); i <= j {
						return p.bail(cs)
					}
					if i >= len(s) {
						break
					}
					continue
				}
				c.Token68 = s[j:end]
				i = next
			}
			// After an auth-scheme alone or its token68: the end of the
			// line, or a comma, at most one SP and the next element,
			// an auth-scheme. Credentials end there.
			if i >= len(s) {
				break
			}
			if s[i] != ',' || m == modeCredentials {
				return p.bail(cs)
			}
			i++
			if i < len(s) && s[i] == ' ' {
				i++
			}
			if t1 = scanToken(s, i); t1 == i || (t1 < len(s) && s[t1] == '=') {
				return p.bail(cs)
			}
		}
	}
	if m == modeCredentials {
		if len(cs) == 0 {
			return p.bail(cs)
		}
		plist = cs[0].Params
	}
	p.cs, p.plist = cs, plist
	p.warns = p.warns[:0]
	if len(cs) > p.hw {
		p.hw = len(cs)
	}
	return true
}

// fastList is the parameter list the fast path appends to: the current
// challenge's, the credentials' or the field's own.
type fastList struct {
	ps    *Params // nil when the current element takes no parameters
	n0    int     // index in *ps of its first parameter of this field
	names uint64  // the nameBit of each of its names
	max   int     // parameters a list may hold before the fast path gives up
}

// params reads parameters "name=value" from the element at s[i], each
// followed by the end of the line or by a comma, at most one SP and the
// next element, and appends them to *l.ps. It returns the end of the line,
// or the start of the next element when that is not a parameter with the
// end t1 of its token, or -1 where the fast path gives up.
//
// A parameter that needs more than qdtextRun (a quoted-pair or HTAB in its
// value, a name whose nameBit the list holds, a full slice) leaves the
// loop for param, so that the values the loop holds are stored and loaded
// around that call only.
func (l *fastList) params(s string, i int) (next, t1 int) {
	for {
		var (
			t0, j, k    int
			name, value string
			bit         uint64
			ps          *Params
		)
		t0 = i
		if t1 = scanToken(s, i); t1 == t0 {
			next = -1
			break
		}
		if t1 >= len(s) || s[t1] != '=' {
			next = t0 // an auth-scheme (or, after it, a fault)
			break
		}
		j = t1 + 1
		if j >= len(s) {
			next = -1
			break
		}
		if s[j] == '"' {
			if k = qdtextRun(s, j+1); k >= len(s) || s[k] != '"' {
				goto slow
			}
			value, i = s[j+1:k], k+1
		} else {
			if i = scanToken(s, j); i == j {
				next = -1
				break
			}
			value = s[j:i]
		}
		name = s[t0:t1]
		bit = nameBit(name)
		ps = l.ps
		if l.names&bit != 0 || len(*ps) == cap(*ps) || len(*ps)-l.n0 >= l.max {
			goto slow
		}
		*ps = (*ps)[:len(*ps)+1]
		(*ps)[len(*ps)-1] = Param{Name: name, Value: value}
		l.names |= bit
	sep:
		if i >= len(s) {
			next = i
			break
		}
		if s[i] != ',' {
			next = -1
			break
		}
		i++
		if i < len(s) && s[i] == ' ' {
			i++
		}
		continue
	slow:
		if i = l.param(s, t0, t1); i < 0 {
			return -1, t1
		}
		goto sep
	}
	return next, t1
}

// param reads the parameter whose name is s[t0:t1], followed by "=",
// adds it to the list and returns the offset after its value, or -1 where
// the fast path gives up: it is params for what needs a call.
func (l *fastList) param(s string, t0, t1 int) int {
	value, end, _, r := valueAt(s, t1+1)
	if r != nil {
		return -1
	}
	ps := *l.ps
	name := s[t0:t1]
	bit := nameBit(name)
	if len(ps)-l.n0 >= l.max || (l.names&bit != 0 && ps[l.n0:].Has(name)) {
		return -1
	}
	*l.ps = append(ps, Param{Name: name, Value: value})
	l.names |= bit
	return end
}

// equalsStops returns a word with the high bit set in the byte of x that
// is the first "=", and maybe in bytes after it (a borrow carries past
// an "="), never before it.
func equalsStops(x uint64) uint64 {
	y := x ^ 0x3D3D3D3D3D3D3D3D
	return (y - 0x0101010101010101) &^ y & 0x8080808080808080
}

// bail records how far the fast path wrote into p.cs's array (see
// Parser.hw) and reports false.
func (p *Parser) bail(cs []Challenge) bool {
	if len(cs) > p.hw {
		p.hw = len(cs)
	}
	return false
}
