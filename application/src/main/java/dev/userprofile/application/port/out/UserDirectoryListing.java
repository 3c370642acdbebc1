package dev.userprofile.application.port.out;

import java.util.Optional;

/** Every user of the pool, page by page: what a whole-pool reconcile walks. */
public interface UserDirectoryListing {

    /**
     * The page that {@code page} names, or the first page when it is empty.
     *
     * @throws UserDirectoryUnavailableException when the pool cannot be read
     */
    DirectoryPage page(Optional<String> page);
}
