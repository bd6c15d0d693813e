package bench

import (
	"strconv"
	"strings"
	"testing"

	"github.com/authwire/httpauth"
)

// scalingNs are the sizes of BenchmarkScaling: 1, 4, 16, ..., 4096.
var scalingNs = []int{1, 4, 16, 64, 256, 1024, 4096}

// challengesField is one field line of n challenges, all alike.
func challengesField(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(`Bearer realm="example", scope="read"`)
	}
	return b.String()
}

// paramsField is one challenge with n params of distinct names.
func paramsField(n int) string {
	var b strings.Builder
	b.WriteString("Digest ")
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		name := "p" + strconv.Itoa(i)
		b.WriteString(name)
		b.WriteString(`="v`)
		b.WriteString(strconv.Itoa(i))
		b.WriteString(`"`)
	}
	return b.String()
}

// BenchmarkScaling parses a field of n challenges and one of n params with
// a reused Parser whose Limits allow them, and reports ns/B (wall clock)
// and cpu-ns/B (process CPU time): linear-time parsing keeps them flat as
// n grows.
func BenchmarkScaling(b *testing.B) {
	for _, kind := range []struct {
		name  string
		field func(int) string
	}{{"challenges", challengesField}, {"params", paramsField}} {
		b.Run(kind.name, func(b *testing.B) {
			for _, n := range scalingNs {
				in := kind.field(n)
				b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
					p := httpauth.Parser{Limits: httpauth.Limits{MaxLineBytes: -1, MaxChallenges: n, MaxParams: max(n, 2)}}
					dst, err := p.ParseChallenges(nil, in)
					if err != nil {
						b.Fatal(err)
					}
					b.ReportAllocs()
					b.SetBytes(int64(len(in)))
					cpu0, ok0 := processCPUTime()
					for b.Loop() {
						dst, _ = p.ParseChallenges(dst[:0], in)
					}
					b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(in)), "ns/B")
					if cpu1, ok1 := processCPUTime(); ok0 && ok1 {
						b.ReportMetric(float64(cpu1-cpu0)/float64(b.N)/float64(len(in)), "cpu-ns/B")
					}
				})
			}
		})
	}
}
