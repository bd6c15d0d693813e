// Package aws4 is a typed view of the Authorization value of AWS Signature
// Version 4 (the AWS4-HMAC-SHA256 scheme, AWS documentation; not an RFC and
// not in the IANA registry), built on the generic values of package
// httpauth.
//
// AWS SDKs send:
//
//	Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7
//
// The bare values hold "/" and ";", which RFC 9110 does not allow outside a
// quoted-string, so httpauth's strict parser rejects this header.
// [ParseAuthorization] therefore tries the strict parser first and, when it
// fails, reads the value with a small parser for the AWS format: a scheme,
// then name=value pairs separated by commas, where a value is either a
// quoted-string or runs up to the next comma. It refuses control
// characters, non-ASCII bytes, spaces inside a bare value and duplicate
// names, and its errors give a byte offset without quoting the value.
//
// The typed view ([Parse], [Authorization]) checks:
//
//   - Credential: access-key/YYYYMMDD/region/service/aws4_request, with a
//     real calendar date and the literal terminator "aws4_request";
//   - SignedHeaders: a ";"-separated list of lowercase header names
//     (tokens), sorted and without duplicates, as the canonical request
//     requires;
//   - Signature: 64 lowercase hex digits (HMAC-SHA256).
//
// Other parameters are ignored. [Authorization.Build] gives an
// httpauth.Credentials whose Credential and SignedHeaders the generic
// encoder writes as quoted-strings, so the result is strictly valid RFC
// 9110; [Authorization.Encode] writes the bare form AWS sends, for services
// that require it.
//
// The signature itself: [CanonicalQuery], [CanonicalHeaders] and
// [CanonicalRequest] build the canonical request, [StringToSign],
// [SigningKey] and [Sign] the rest, and [Authorization.Verify] checks a
// request's signature in constant time; the AWS documentation's IAM
// ListUsers example is the test. Not done here: the canonical URI (the
// caller encodes the path with [URIEncode], twice for services other than
// S3), clock-skew checks, S3's unsigned and streaming payload modes,
// presigned URLs (X-Amz-* query parameters) and SigV4a
// (AWS4-ECDSA-P256-SHA256). Errors are [*Error] values, which name the
// parameter at fault and never quote the signature or the access key.
package aws4
