#pragma once
// Issues the reference hub's X.509 material with OpenSSL: a throwaway CA and
// server certificates naming the listen address. Keys are ECDSA P-256: they
// take milliseconds to make (RSA-2048 takes 1-2 s), which keeps first starts
// and tests fast, and every TLS 1.2/1.3 client accepts them.
#include <chrono>
#include <string>
#include <vector>

namespace ridgeline::hub {

struct PemPair {
  std::string certificatePem;
  std::string privateKeyPem;
};

struct CertificateSpec {
  std::string commonName;
  std::vector<std::string> hostNames;    // subjectAltName DNS entries
  std::vector<std::string> ipAddresses;  // subjectAltName IP entries
  std::chrono::system_clock::time_point notBefore;
  std::chrono::system_clock::time_point notAfter;
  bool certificateAuthority = false;
};

// Self-signed CA valid from an hour ago for `days` days.
PemPair createCertificateAuthority(const std::string& commonName, int days);
// A certificate for spec signed by issuer (a CA from createCertificateAuthority).
PemPair issueCertificate(const CertificateSpec& spec, const PemPair& issuer);
// Server spec for a listen host: IP SAN for addresses, DNS SAN for names; the
// common name is the host too (Poco 1.11 matches host names against DNS SANs
// and the CN only).
CertificateSpec serverSpecFor(const std::string& host, int days);

// SHA-256 of the certificate's DER encoding, lowercase hex: the value a pin names.
std::string certificateSha256(const std::string& certificatePem);
// Whether the certificate's validity period contains `when`, and names `host`.
bool certificateValidAt(const std::string& certificatePem, std::chrono::system_clock::time_point when);
bool certificateNamesHost(const std::string& certificatePem, const std::string& host);

}  // namespace ridgeline::hub
