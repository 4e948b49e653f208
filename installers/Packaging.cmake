# `cpack -G DEB` in the build folder makes ridgeline_<version>_<arch>.deb with
# the three executables, the desktop entry, icon, AppStream metadata and the
# resources (demo cases, face models when fetched).
set(CPACK_PACKAGE_NAME "ridgeline")
set(CPACK_PACKAGE_VENDOR "Ridgeline project")
set(CPACK_PACKAGE_CONTACT "Ridgeline maintainers <maintainers@ridgeline.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_GENERATOR "DEB")
include(CPack)
